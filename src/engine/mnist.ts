// MNIST in memory: the three splits (first 55,000 training images train, last 5,000 validate, 10,000
// test), how much of them has arrived, and the check every downloaded file passes (mnistLoader.ts).
import type { EvalSplit } from '../shared/metrics';
import type { MnistFileInfo } from './mnistFiles';
import { pixelStats, type PixelStats } from './preprocess';

/** Images stay as bytes; conversion to floats happens one batch at a time. */
export interface Split {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/**
 * What has been verified and copied in so far; the splits' buffers are full-size from the start.
 * Training images arrive as a prefix: batches may index [0, train).
 */
export interface Arrival {
  train: number;
  validation: boolean;
  test: boolean;
}

export interface MnistData {
  train: Split;
  validation: Split;
  test: Split;
  /** Absent: everything is there (data loaded in one go, or made up by a test). */
  arrival?: Arrival;
}

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

/** Images of `split` that may be used now: a prefix of the training set, or a whole held-out split or nothing. */
export function arrivedCount(data: MnistData, split: 'train' | EvalSplit): number {
  const a = data.arrival;
  if (!a) return data[split].count;
  if (split === 'train') return a.train;
  return a[split] ? data[split].count : 0;
}

/** Whether every image of every split is there. */
export function isComplete(data: MnistData): boolean {
  return (['train', 'validation', 'test'] as const).every((s) => arrivedCount(data, s) === data[s].count);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks a downloaded file against its manifest entry; throws a message naming the file. */
export async function verifyFile(info: MnistFileInfo, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength !== info.bytes)
    throw new Error(
      `${info.name}: got ${bytes.byteLength} bytes, expected ${info.bytes} (truncated download?)`,
    );
  const hash = await sha256Hex(bytes);
  if (hash !== info.sha256)
    throw new Error(
      `${info.name}: SHA-256 mismatch (got ${hash.slice(0, 12)}…, expected ${info.sha256.slice(0, 12)}…)`,
    );
}

const statsOf = new WeakMap<Uint8Array, PixelStats>();

/**
 * Pixel statistics of the whole training set ('standardize'), computed once per set of images (55,000
 * of them take a while); undefined until all of it has arrived.
 */
export function trainingStats(data: MnistData): PixelStats | undefined {
  if (arrivedCount(data, 'train') < data.train.count) return undefined;
  let stats = statsOf.get(data.train.images);
  if (!stats) statsOf.set(data.train.images, (stats = pixelStats(data.train.images)));
  return stats;
}

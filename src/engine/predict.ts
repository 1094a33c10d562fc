// What a trained network predicts: the images of a split (every held-out one, or chosen training ones)
// through the model in batched forward passes read back piece by piece, one image of raw bytes (a drawn
// digit) through the run's preprocessing, and the plain-array bookkeeping on top (the confusion matrix,
// which digits to show, what became of the wrong labels).
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_PIXELS, NUM_CLASSES } from '../shared/mnist';
import type { Preprocessing } from '../shared/settings';
import type { BatchMaker, SplitName } from './batches';
import { pixelTable, type PixelStats } from './preprocess';

/** Images per piece at most: the evaluation's batch size, whose programs are compiled already. */
export const PREDICT_BATCH = 500;
/**
 * The sizes a piece may have, a rung apart: WebGL compiles programs per input shape, so a few sizes
 * (the last piece padded to its rung) keep compiling to a handful of times a session.
 */
export const PIECE_SIZES = [16, 32, 64, 128, 256, PREDICT_BATCH] as const;
export const MIN_PIECE = PIECE_SIZES[0];
/**
 * Multiply-adds of a pass's first piece: about one training step of `mlp-128` at batch 32 (forward and
 * backward, some 10 million), so that a piece sitting between two training chunks holds them up about
 * as long as one more step would, whatever the device. Later pieces follow their measured time.
 */
export const PIECE_MACS = 10e6;
/** What a piece should take on the device: training waits no longer than this for one. */
export const PIECE_MS = 50;

/** Images of a pass's first piece for a model whose forward pass costs `macsPerImage`: the largest rung within PIECE_MACS. */
export function pieceImages(macsPerImage: number): number {
  return PIECE_SIZES.findLast((n) => n * macsPerImage <= PIECE_MACS) ?? MIN_PIECE;
}

/**
 * The next piece's size from the last one's `images` and its wall time: a rung up while a piece takes
 * under half of `targetMs`, a rung down while it takes more than `targetMs`.
 */
export function nextPiece(images: number, ms: number, targetMs: number): number {
  const rung = Math.max(
    0,
    PIECE_SIZES.findLastIndex((n) => n <= images),
  );
  if (ms < targetMs / 2) return PIECE_SIZES[Math.min(PIECE_SIZES.length - 1, rung + 1)]!;
  if (ms > targetMs) return PIECE_SIZES[Math.max(0, rung - 1)]!;
  return PIECE_SIZES[rung]!;
}

/** The network's answer for each image of a pass, in its order. */
export interface SplitPredictions {
  /** The class with the largest probability. */
  predicted: Uint8Array;
  /** That probability. */
  confidence: Float32Array;
}

/** All the forward pass needs of a model, whatever its layers (a Model, or its weights held). */
export interface Classifier {
  logits(x: tf.Tensor2D): tf.Tensor2D;
}

export interface PassOptions {
  /** The first `count` images of the split (all of them), or of `positions`. */
  count?: number;
  /** The split's images at these positions, in this order (each of the split in turn). */
  positions?: Uint32Array;
  /** Images of the first piece (PREDICT_BATCH); every piece has as many without `pieceMs`. */
  piece?: number;
  /** Each piece's wall time to its readback steers the next one's size toward this (nextPiece). */
  pieceMs?: number;
  /** The clock for `pieceMs` (performance.now). */
  now?: () => number;
  /** Asked before each piece: true ends the pass, which then rejects with PassCancelled. */
  cancelled?: () => boolean;
  /**
   * Awaited between pieces: a macrotask, so training gets its turn even where a readback resolves at
   * once (the CPU backend).
   */
  between?: () => Promise<void>;
  /** Called after each piece with the images done so far. */
  onPiece?: (done: number) => void;
}

export class PassCancelled extends Error {
  constructor() {
    super('the prediction pass was cancelled');
    this.name = 'PassCancelled';
  }
}

/**
 * The predicted class and its softmax probability for the images of `split`, piece by piece: each piece
 * is queued on the device once the one before has been read back (asynchronously), so training chunks
 * queued meanwhile run between two pieces and never wait for more than one. Give it weights that stay
 * put (Model.hold) when the model trains during the pass.
 */
export async function predictSplit(
  model: Classifier,
  maker: BatchMaker,
  split: SplitName,
  options: PassOptions = {},
): Promise<SplitPredictions> {
  const { positions } = options;
  const count = options.count ?? positions?.length ?? maker.counts[split];
  const at = positions ? (k: number) => positions[k]! : (k: number) => k;
  const now = options.now ?? (() => performance.now());
  let piece = Math.max(1, Math.floor(options.piece ?? PREDICT_BATCH));
  const predicted = new Uint8Array(count);
  const confidence = new Float32Array(count);
  const idx = new Uint32Array(Math.max(piece, PREDICT_BATCH));
  for (let start = 0; start < count;) {
    if (start > 0) await options.between?.();
    if (options.cancelled?.()) throw new PassCancelled();
    const t0 = now();
    const n = Math.min(piece, count - start);
    // A short last piece is padded with its first image to the full size (its shape's programs exist).
    const size = options.pieceMs === undefined ? n : piece;
    for (let i = 0; i < size; i++) idx[i] = at(start + (i < n ? i : 0));
    const packed = tf.tidy(() => {
      const { x } = maker.make(split, idx.subarray(0, size));
      const p = tf.softmax(model.logits(x));
      // [class, probability] per image: one small download per piece.
      return tf.stack([tf.cast(tf.argMax(p, 1), 'float32'), tf.max(p, 1)], 1);
    });
    try {
      const values = await packed.data();
      for (let i = 0; i < n; i++) {
        predicted[start + i] = values[2 * i]!;
        confidence[start + i] = values[2 * i + 1]!;
      }
    } finally {
      packed.dispose();
    }
    if (options.pieceMs !== undefined) piece = nextPiece(piece, now() - t0, options.pieceMs);
    start += n;
    options.onPiece?.(start);
  }
  return { predicted, confidence };
}

/**
 * The ten class probabilities for one image of raw bytes (0–255, IMAGE_PIXELS of them), after the
 * run's preprocessing exactly as its batches apply it.
 */
export async function classifyImage(
  model: Classifier,
  pixels: Uint8Array,
  preprocessing: Preprocessing,
  stats: PixelStats | undefined,
): Promise<number[]> {
  if (pixels.length !== IMAGE_PIXELS)
    throw new RangeError(`an image has ${IMAGE_PIXELS} pixels, got ${pixels.length}`);
  const lut = pixelTable(preprocessing, stats);
  const x = Float32Array.from(pixels, (v) => lut[v]!);
  const p = tf.tidy(() => tf.softmax(model.logits(tf.tensor2d(x, [1, IMAGE_PIXELS]))));
  try {
    return Array.from(await p.data());
  } finally {
    p.dispose();
  }
}

/** Counts of (label, predicted) pairs, row-major: [label × NUM_CLASSES + predicted]. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>): number[] {
  if (labels.length !== predicted.length)
    throw new RangeError(`${labels.length} labels for ${predicted.length} predictions`);
  const counts = new Array<number>(NUM_CLASSES * NUM_CLASSES).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]! * NUM_CLASSES + predicted[i]!]!++;
  return counts;
}

/**
 * Which test digits to show: those of `cell` (every one when null), the mistakes first, most confident
 * first (the ones a class learns most from), then the correct ones in test-set order. Returns up to
 * `limit` indices and how many matched.
 */
export function pickDigits(
  labels: ArrayLike<number>,
  p: SplitPredictions,
  cell: { label: number; predicted: number } | null,
  limit: number,
): { indices: number[]; matching: number } {
  const wrong: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < p.predicted.length; i++) {
    if (cell && (labels[i] !== cell.label || p.predicted[i] !== cell.predicted)) continue;
    (p.predicted[i] === labels[i] ? right : wrong).push(i);
  }
  wrong.sort((a, b) => p.confidence[b]! - p.confidence[a]! || a - b);
  const indices = [...wrong.slice(0, limit), ...right.slice(0, Math.max(0, limit - wrong.length))];
  return { indices, matching: wrong.length + right.length };
}

/** What the network answers for training images given a wrong label. */
export interface MislabelledCounts {
  /** The wrong label it was taught: it memorised it. */
  memorised: number;
  /** Their true digit: it learned the digit despite the label. */
  trueDigit: number;
}

/** Counts over images with true labels `truth`, given (wrong) labels `given`, and predictions `predicted`. */
export function mislabelledCounts(
  truth: ArrayLike<number>,
  given: ArrayLike<number>,
  predicted: ArrayLike<number>,
): MislabelledCounts {
  let memorised = 0;
  let trueDigit = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (predicted[i] === given[i]) memorised++;
    else if (predicted[i] === truth[i]) trueDigit++;
  }
  return { memorised, trueDigit };
}

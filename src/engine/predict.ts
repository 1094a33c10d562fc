// What a trained network predicts: every image of a held-out split through the model in batched
// forward passes with one readback, one image of raw bytes (a drawn digit) through the run's
// preprocessing, and the plain-array bookkeeping on top (the confusion matrix, which digits to show).
import * as tf from '@tensorflow/tfjs-core';
import type { EvalSplit } from '../shared/metrics';
import { IMAGE_PIXELS, NUM_CLASSES } from '../shared/mnist';
import type { Preprocessing } from '../shared/settings';
import type { BatchMaker } from './batches';
import type { Model } from './model';
import { pixelTable, type PixelStats } from './preprocess';

/** Images per forward pass: the evaluation's batch size. */
export const PREDICT_BATCH = 500;

/** The network's answer for each image of a split, by index. */
export interface SplitPredictions {
  /** The class with the largest probability. */
  predicted: Uint8Array;
  /** That probability. */
  confidence: Float32Array;
}

/** All the forward pass needs of a model, whatever its layers. */
export type Classifier = Pick<Model, 'logits'>;

/**
 * The predicted class and its softmax probability for the first `count` images of `split`. Every batch
 * is queued at once and the results stay on the device until a single readback at the end, so the
 * weights answering are those of the moment of the call, however long the readback takes.
 */
export async function predictSplit(
  model: Classifier,
  maker: BatchMaker,
  split: EvalSplit,
  count = maker.counts[split],
): Promise<SplitPredictions> {
  const parts: tf.Tensor2D[] = [];
  const idx = new Uint32Array(PREDICT_BATCH);
  for (let start = 0; start < count; start += PREDICT_BATCH) {
    const n = Math.min(PREDICT_BATCH, count - start);
    for (let i = 0; i < n; i++) idx[i] = start + i;
    parts.push(
      tf.tidy(() => {
        const { x } = maker.make(split, idx.subarray(0, n));
        const p = tf.softmax(model.logits(x));
        // [class, probability] per image: one small tensor per batch, one download for all.
        return tf.stack([tf.cast(tf.argMax(p, 1), 'float32'), tf.max(p, 1)], 1) as tf.Tensor2D;
      }),
    );
  }
  const predicted = new Uint8Array(count);
  const confidence = new Float32Array(count);
  if (parts.length === 0) return { predicted, confidence };
  const packed = tf.tidy(() => tf.concat(parts));
  for (const t of parts) t.dispose();
  try {
    const values = await packed.data();
    for (let i = 0; i < count; i++) {
      predicted[i] = values[2 * i]!;
      confidence[i] = values[2 * i + 1]!;
    }
    return { predicted, confidence };
  } finally {
    packed.dispose();
  }
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

// The optimizer's instruments as reductions on the device: computed inside the step's tidy from the
// tensors the update used, packed into one small vector per step, and decoded on the host once the
// trainer's single asynchronous readback of a chunk arrives (no blocking read).
import * as tf from '@tensorflow/tfjs-core';
import { INTERNALS_SAMPLE, type InternalsPoint, type LayerInternals } from '../shared/internals';
import type { OptimizerName } from '../shared/settings';

/** A step's instruments still on the device; `raw` holds RAW_PER_VARIABLE[kind] numbers per variable. */
export interface MeasuredStep {
  kind: OptimizerName;
  raw: tf.Tensor1D;
  biasCorrection1?: number;
  biasCorrection2?: number;
}

/**
 * Raw numbers per variable, in order: InternalsKernels.moments, then for Adam four order statistics of
 * the sampled effective steps (the two around the median, the two around the 90th percentile). Square
 * roots, ratios and interpolation are left to the host: they cost nothing there and a kernel each on
 * the device.
 */
export const RAW_PER_VARIABLE: Record<OptimizerName, number> = {
  sgd: 3,
  momentum: 5,
  adagrad: 8,
  rmsprop: 8,
  adam: 8,
  adamw: 8,
};

const QUANTILES = [0.5, 0.9] as const;

/** Σ a·b for each pair, as one vector: one stack per side, one product, one reduction. */
export function productSums(pairs: readonly (readonly [tf.Tensor, tf.Tensor])[]): tf.Tensor1D {
  return tf.tidy(() => {
    const a = tf.stack(pairs.map((p) => p[0]));
    const squares = pairs.every(([x, y]) => x === y);
    const prod = squares ? tf.square(a) : tf.mul(a, tf.stack(pairs.map((p) => p[1])));
    return tf.sum(tf.reshape(prod, [pairs.length, -1]), 1) as tf.Tensor1D;
  });
}

/** Which parameters of an n-element tensor the percentiles read: every `stride`-th, `count` of them. */
export function samplePlan(n: number): { stride: number; count: number } {
  if (n <= INTERNALS_SAMPLE) return { stride: 1, count: n };
  // An odd stride is coprime with the power-of-two widths of our layers, so a kernel's sample visits
  // every column (hidden unit) rather than the same few; rows are covered evenly either way.
  const stride = Math.ceil(n / INTERNALS_SAMPLE) | 1;
  return { stride, count: Math.ceil(n / stride) };
}

/** For quantile q of `count` sorted values: the two ranks around q·(count − 1) and the weight between. */
function quantileRanks(q: number, count: number): { lo: number; hi: number; w: number } {
  const h = q * (count - 1);
  return { lo: Math.floor(h), hi: Math.ceil(h), w: h - Math.floor(h) };
}

/** The 0-based ranks (ascending) of the order statistics Adam reports: around the median, around p90. */
export function orderRanks(count: number): number[] {
  return QUANTILES.flatMap((q) => {
    const { lo, hi } = quantileRanks(q, count);
    return [lo, hi];
  });
}

/** The tensors of one variable's step that its instruments read. */
export interface MeasureInput {
  g: tf.Tensor;
  /** θ_{t−1} and θ_t. */
  old: tf.Tensor;
  theta: tf.Tensor;
  /** Momentum: v_t. */
  velocity?: tf.Tensor;
  /**
   * Adam: m_t, v_t (slots m, s) and the step's factors as the update used them: `stepScale` = η/(1 − P1)
   * and `invRootBias2` = 1/√(1 − P2) (η and 1 without bias correction), so √v̂_t = √v_t·invRootBias2.
   * AdaGrad and RMSProp pass g as m and their sum s, with η and 1.
   */
  adam?: { m: tf.Tensor; s: tf.Tensor; stepScale: number; invRootBias2: number; eps: number };
}

/** How instruments are computed on a backend; the WebGL path swaps in its own programs. */
export interface InternalsKernels {
  /**
   * One variable's raw numbers: [Σg², Σ(θ_t − θ_{t−1})², Σθ_t²], then with `velocity` [Σv², Σv·g], or
   * with `adam` [#(ε ≥ √v̂_t)] and the order statistics at orderRanks(count) of the effective steps
   * η·|m̂_t|/(√v̂_t + ε) at the sampled parameters (samplePlan).
   */
  measure(x: MeasureInput): tf.Tensor1D;
}

/** Every `stride`-th element of `x`, flattened. */
function strided(x: tf.Tensor, stride: number): tf.Tensor1D {
  const flat = tf.reshape(x, [x.size]) as tf.Tensor1D;
  return stride === 1 ? flat : (tf.stridedSlice(flat, [0], [x.size], [stride]) as tf.Tensor1D);
}

/** Composed order statistics of the sampled effective steps; tf.topk sorts the sample. */
function stepOrderStats({ m, s, stepScale, invRootBias2, eps }: NonNullable<MeasureInput['adam']>) {
  const { stride, count } = samplePlan(m.size);
  const ms = strided(m, stride);
  const ss = strided(s, stride);
  const step = tf.div(tf.mul(tf.abs(ms), stepScale), tf.add(tf.mul(tf.sqrt(ss), invRootBias2), eps));
  const ranks = orderRanks(count);
  // Descending from topk: ascending rank k sits at count − 1 − k; the median's is the deepest needed.
  const sorted = tf.topk(step, count - Math.min(...ranks)).values;
  const at = tf.tensor1d(
    ranks.map((k) => count - 1 - k),
    'int32',
  );
  return tf.gather(sorted, at) as tf.Tensor1D;
}

/**
 * Composed ops, for the CPU backend (and the reference). tf.topk would read the tensor back
 * synchronously on WebGL, which is why the fused path counts ranks instead.
 */
export const composedInternals: InternalsKernels = {
  measure: ({ g, old, theta, velocity, adam }) =>
    tf.tidy(() => {
      const delta = tf.sub(theta, old);
      const pairs: [tf.Tensor, tf.Tensor][] = [
        [g, g],
        [delta, delta],
        [theta, theta],
      ];
      if (velocity) pairs.push([velocity, velocity], [velocity, g]);
      if (!adam) return productSums(pairs);
      const rootVHat = tf.mul(tf.sqrt(adam.s), adam.invRootBias2);
      const mask = tf.cast(tf.lessEqual(rootVHat, adam.eps), 'float32');
      pairs.push([mask, mask]); // a 0/1 mask is its own square: Σ mask² counts the ones
      return tf.concat([productSums(pairs), stepOrderStats(adam)]) as tf.Tensor1D;
    }),
};

/** cos = a·b / (‖a‖‖b‖); 0 when either vector is zero (no direction to compare). */
function cosine(dot: number, aa: number, bb: number): number {
  const d = Math.sqrt(aa) * Math.sqrt(bb);
  return d > 0 ? dot / d : 0;
}

/** One variable's instruments from its raw numbers, read from `values` at `offset` (`size` parameters). */
export function decodeLayer(
  kind: OptimizerName,
  values: ArrayLike<number>,
  offset: number,
  size: number,
): LayerInternals {
  const at = (i: number) => values[offset + i]!;
  const out: LayerInternals = {
    gradNorm: Math.sqrt(at(0)),
    updateNorm: Math.sqrt(at(1)),
    weightNorm: Math.sqrt(at(2)),
  };
  if (kind === 'momentum') {
    out.velocityNorm = Math.sqrt(at(3));
    out.velocityCosine = cosine(at(4), at(3), at(0));
  } else if (RAW_PER_VARIABLE[kind] === 8) {
    const { count } = samplePlan(size);
    const [median, p90] = QUANTILES.map((q, i) => {
      const { w } = quantileRanks(q, count);
      const lo = at(4 + 2 * i);
      return w === 0 ? lo : lo + w * (at(5 + 2 * i) - lo);
    });
    out.epsShare = at(3) / size;
    out.stepMedian = median;
    out.stepP90 = p90;
  }
  return out;
}

/** Numbers a step of `kind` reads back for `variables` variables. */
export function rawLength(kind: OptimizerName, variables: number): number {
  return RAW_PER_VARIABLE[kind] * variables;
}

/** A whole step's point from its raw numbers (at `offset` in `values`), the variables' names and sizes. */
export function decodeInternals(
  step: number,
  m: Omit<MeasuredStep, 'raw'>,
  values: ArrayLike<number>,
  offset: number,
  names: readonly string[],
  sizes: readonly number[],
): InternalsPoint {
  const per = RAW_PER_VARIABLE[m.kind];
  const layers: Record<string, LayerInternals> = {};
  names.forEach((name, i) => {
    layers[name] = decodeLayer(m.kind, values, offset + i * per, sizes[i]!);
  });
  const point: InternalsPoint = { step, layers };
  if (m.biasCorrection1 !== undefined) point.biasCorrection1 = m.biasCorrection1;
  if (m.biasCorrection2 !== undefined) point.biasCorrection2 = m.biasCorrection2;
  return point;
}

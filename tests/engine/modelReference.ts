// Every model's loss in float64, written independently of the engine (plain loops, no tfjs): the
// reference the gradient checks take central finite differences of. Layouts as shared/model.ts
// states them: dense kernels [in, out] row-major, convolution kernels HWIO, images NHWC 28×28×1.
import { CNN, type Activation, type ModelSpec } from '../../src/shared/model';
import { IMAGE_SIDE, NUM_CLASSES } from '../../src/shared/mnist';

type Weights = readonly Float64Array[];

const ACT: Record<Activation, (a: number) => number> = {
  relu: (a) => Math.max(a, 0),
  tanh: Math.tanh,
  sigmoid: (a) => 1 / (1 + Math.exp(-a)),
};

/** out[r, :] = f(x[r, :]·W + b) for `rows` rows of `n` inputs. */
function dense(x: Float64Array, rows: number, w: Float64Array, b: Float64Array, f = (a: number) => a) {
  const n = x.length / rows;
  const m = b.length;
  const out = new Float64Array(rows * m);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < m; j++) {
      let acc = b[j]!;
      for (let i = 0; i < n; i++) acc += x[r * n + i]! * w[i * m + j]!;
      out[r * m + j] = f(acc);
    }
  return out;
}

/** k×k convolution, stride 1, "same" padding (k − 1)/2 on each side, then ReLU: NHWC in and out. */
function convRelu(
  x: Float64Array,
  rows: number,
  side: number,
  cin: number,
  w: Float64Array,
  b: Float64Array,
) {
  const k = CNN.kernel;
  const pad = (k - 1) / 2;
  const cout = b.length;
  const out = new Float64Array(rows * side * side * cout);
  for (let r = 0; r < rows; r++)
    for (let y = 0; y < side; y++)
      for (let xx = 0; xx < side; xx++)
        for (let o = 0; o < cout; o++) {
          let acc = b[o]!;
          for (let dy = 0; dy < k; dy++)
            for (let dx = 0; dx < k; dx++) {
              const iy = y + dy - pad;
              const ix = xx + dx - pad;
              if (iy < 0 || ix < 0 || iy >= side || ix >= side) continue;
              for (let c = 0; c < cin; c++)
                acc += x[((r * side + iy) * side + ix) * cin + c]! * w[((dy * k + dx) * cin + c) * cout + o]!;
            }
          out[((r * side + y) * side + xx) * cout + o] = Math.max(acc, 0);
        }
  return out;
}

/** 2×2 max-pool, stride 2: side → side/2. */
function pool(x: Float64Array, rows: number, side: number, ch: number) {
  const half = side / 2;
  const out = new Float64Array(rows * half * half * ch);
  for (let r = 0; r < rows; r++)
    for (let y = 0; y < half; y++)
      for (let xx = 0; xx < half; xx++)
        for (let c = 0; c < ch; c++) {
          let m = -Infinity;
          for (let dy = 0; dy < 2; dy++)
            for (let dx = 0; dx < 2; dx++)
              m = Math.max(m, x[((r * side + 2 * y + dy) * side + 2 * xx + dx) * ch + c]!);
          out[((r * half + y) * half + xx) * ch + c] = m;
        }
  return out;
}

/** Logits [rows, 10] of the network `spec` with `weights` (tensorShapes order) for `rows` images. */
export function logits64(spec: ModelSpec, f: Activation, weights: Weights, x: Float64Array, rows: number) {
  if (spec.kind === 'cnn') {
    const [k1, b1, k2, b2, w, b] = weights as [Float64Array, ...Float64Array[]];
    const [f1, f2] = CNN.filters;
    let h = pool(convRelu(x, rows, IMAGE_SIDE, 1, k1, b1!), rows, IMAGE_SIDE, f1);
    h = pool(convRelu(h, rows, IMAGE_SIDE / 2, f1, k2!, b2!), rows, IMAGE_SIDE / 2, f2);
    return dense(h, rows, w!, b!);
  }
  let h = x;
  const layers = weights.length / 2;
  for (let l = 0; l < layers; l++)
    h = dense(h, rows, weights[2 * l]!, weights[2 * l + 1]!, l < layers - 1 ? ACT[f] : undefined);
  return h;
}

/** Mean softmax cross-entropy of those logits against integer labels. */
export function loss64(
  spec: ModelSpec,
  f: Activation,
  weights: Weights,
  x: Float64Array,
  labels: readonly number[],
): number {
  const z = logits64(spec, f, weights, x, labels.length);
  let total = 0;
  labels.forEach((label, r) => {
    const row = z.subarray(r * NUM_CLASSES, (r + 1) * NUM_CLASSES);
    const max = Math.max(...row);
    const lse = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
    total += lse - row[label]!;
  });
  return total / labels.length;
}

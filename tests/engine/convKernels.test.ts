// The CNN's faster CPU kernels (src/engine/cpu/convKernels.ts) against the CPU backend's own, which they
// replace: the same convolutions, gradients and max-pool gradients on the CNN's shapes and on strided,
// padded, overlapping and dilated ones (those they leave to the library).
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useFastCpuKernels } from '../../src/engine/cpu/convKernels';
import { createRng } from '../../src/shared/random';
import { relError, useCpu } from '../helpers/tf';

beforeAll(useCpu);

type Pad = 'same' | 'valid';
interface ConvCase {
  x: number[];
  filter: number[];
  strides: number | [number, number];
  pad: Pad;
  dilations?: number;
}
const CONVS: ConvCase[] = [
  { x: [3, 28, 28, 1], filter: [5, 5, 1, 8], strides: 1, pad: 'same' },
  { x: [3, 14, 14, 8], filter: [5, 5, 8, 16], strides: 1, pad: 'same' },
  { x: [2, 9, 11, 3], filter: [3, 2, 3, 4], strides: [2, 3], pad: 'valid' },
  { x: [2, 8, 7, 2], filter: [4, 4, 2, 3], strides: 2, pad: 'same' },
  { x: [1, 9, 9, 2], filter: [3, 3, 2, 2], strides: 1, pad: 'same', dilations: 2 },
];
const POOLS: { x: number[]; size: number; strides: number; pad: Pad }[] = [
  { x: [3, 28, 28, 8], size: 2, strides: 2, pad: 'valid' },
  { x: [2, 9, 7, 3], size: 3, strides: 2, pad: 'same' },
];

/** Values in [−1, 1), half of them zero (as after a ReLU), some equal (ties in a pooling window). */
function sparse(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => (rng() < 0.5 ? 0 : Math.round((rng() * 2 - 1) * 64) / 64)),
    shape,
  );
}

/** Each case's forward output and its gradients for a fixed upstream gradient, as flat arrays. */
function run(): Float32Array[][] {
  const convs = CONVS.map((c, k) => {
    const x = sparse(c.x, k);
    const w = sparse(c.filter, 10 + k);
    const f = (a: tf.Tensor, b: tf.Tensor) =>
      tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad, 'NHWC', c.dilations ?? 1);
    const y = f(x, w);
    const dy = sparse(y.shape, 20 + k);
    // tfjs has no gradient for dilated convolutions.
    const grads = c.dilations ? [] : tf.grads(f)([x, w], dy);
    return [y, ...grads].map((t) => t.dataSync() as Float32Array);
  });
  const pools = POOLS.map((p, k) => {
    const x = sparse(p.x, 30 + k);
    const f = (a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, p.size, p.strides, p.pad);
    const dy = sparse(f(x).shape, 40 + k);
    return [tf.grad(f)(x, dy).dataSync() as Float32Array];
  });
  return [...convs, ...pools];
}

describe('the CNN’s CPU kernels', () => {
  it('compute what the CPU backend’s own compute (float32 rounding apart), and take their place', () => {
    const library = run();
    const before = tf.getKernel('Conv2DBackpropFilter', 'cpu')!.kernelFunc;
    useFastCpuKernels();
    useFastCpuKernels(); // a second call changes nothing
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')!.kernelFunc).not.toBe(before);
    const ours = run();
    ours.forEach((outputs, k) =>
      outputs.forEach((o, j) => {
        const reference = library[k]![j]!;
        expect(o.length).toBe(reference.length);
        // Pooling routes gradients without arithmetic: identical, ties included.
        if (k >= CONVS.length) expect(Array.from(o)).toEqual(Array.from(reference));
        else expect(relError(o, reference), `case ${k}, output ${j}`).toBeLessThan(1e-6);
      }),
    );
  });
});

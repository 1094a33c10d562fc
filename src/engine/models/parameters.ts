// A model's trainable tensors: drawn once from the run's seed (Glorot-uniform kernels, zero biases, in
// the order of tensorShapes), and read back or set as plain arrays for checkpoints.
import * as tf from '@tensorflow/tfjs-core';
import { tensorShapes, type ModelSpec } from '../../shared/model';
import { createRng, deriveSeed } from '../../shared/random';

/**
 * Glorot (Xavier) uniform: U(−l, l) with l = √(6 / (fanIn + fanOut)), as Keras' Dense and Conv2D default.
 * `size` values (fanIn·fanOut for a dense kernel).
 */
export function glorotUniform(
  fanIn: number,
  fanOut: number,
  rng: () => number,
  size = fanIn * fanOut,
): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(size);
  for (let i = 0; i < out.length; i++) out[i] = (rng() * 2 - 1) * limit;
  return out;
}

/** [fanIn, fanOut] of a kernel: dense [in, out], or a convolution's HWIO [h, w, in, out] (receptive field h·w). */
export function kernelFans(shape: readonly number[]): [number, number] {
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [receptive * shape.at(-2)!, receptive * shape.at(-1)!];
}

/**
 * The model's variables at step 0. One stream of the seed draws every kernel in order, so `mlp-128`
 * keeps the weights it had before other models existed, and a change elsewhere never shifts them.
 */
export function initialVariables(spec: ModelSpec, seed: number): tf.Variable[] {
  const rng = createRng(deriveSeed(seed, 1));
  // Variable names are global in tfjs, so they stay automatic; tidy frees the initial tensors.
  return tf.tidy(() =>
    tensorShapes(spec).map((shape) => {
      if (shape.length === 1) return tf.variable(tf.zeros(shape));
      const size = shape.reduce((a, b) => a * b, 1);
      return tf.variable(tf.tensor(glorotUniform(...kernelFans(shape), rng, size), shape));
    }),
  );
}

/** Snapshot, load and dispose of a list of variables, the same for every model. */
export function variableAccess(variables: tf.Variable[]) {
  return {
    async snapshot(): Promise<Float32Array[]> {
      // Clones keep today's data alive even if a step replaces the variables' values before the reads finish.
      const copies = tf.tidy(() => variables.map((v) => tf.clone(v)));
      try {
        return await Promise.all(copies.map((c) => c.data() as Promise<Float32Array>));
      } finally {
        for (const c of copies) c.dispose();
      }
    },
    load(weights: readonly Float32Array[]): void {
      if (weights.length !== variables.length || weights.some((w, i) => w.length !== variables[i]!.size))
        throw new RangeError('the weights do not fit this model');
      tf.tidy(() => variables.forEach((v, i) => v.assign(tf.tensor(weights[i]!, v.shape))));
    },
    dispose(): void {
      for (const v of variables) v.dispose();
    },
  };
}

// The backward pass's WebGL programs: softmax cross-entropy (the logits' gradient; the batch's
// [loss sum, correct count]), the hidden activations' gradients on packed textures, and packing the
// uploaded batch once. The composed versions in ../backwardKernels.ts are the reference.
import type * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import type { BackwardKernels } from '../backwardKernels';
import { cachedProgram, elementwise, runProgram, type ProgramKind } from './run';

/** (softmax(z) − y) / batch, each output reading its row's C logits (max-shifted for stability). */
function gradientProgram(rows: number, cols: number): GPGPUProgram {
  return {
    variableNames: ['Z', 'Y'],
    outputShape: [rows, cols],
    customUniforms: [{ name: 'invBatch', type: 'float' }],
    userCode: `
      void main() {
        ivec2 rc = getOutputCoords();
        float mx = getZ(rc.x, 0);
        for (int j = 1; j < ${cols}; j++) mx = max(mx, getZ(rc.x, j));
        float sum = 0.0;
        for (int j = 0; j < ${cols}; j++) sum += exp(getZ(rc.x, j) - mx);
        float p = exp(getZ(rc.x, rc.y) - mx) / sum;
        setOutput((p - getY(rc.x, rc.y)) * invBatch);
      }`,
  };
}

/** Output 0: Σ over rows of logsumexp(z) − Σ y·z; output 1: rows whose first argmax of z and y agree. */
function statsProgram(rows: number, cols: number): GPGPUProgram {
  return {
    variableNames: ['Z', 'Y'],
    outputShape: [2],
    userCode: `
      void main() {
        int k = getOutputCoords();
        float acc = 0.0;
        for (int r = 0; r < ${rows}; r++) {
          float mx = getZ(r, 0); int am = 0;
          float ym = getY(r, 0); int ay = 0;
          for (int j = 1; j < ${cols}; j++) {
            float z = getZ(r, j);
            if (z > mx) { mx = z; am = j; }
            float y = getY(r, j);
            if (y > ym) { ym = y; ay = j; }
          }
          if (k == 0) {
            float sum = 0.0; float yz = 0.0;
            for (int j = 0; j < ${cols}; j++) {
              float z = getZ(r, j);
              sum += exp(z - mx);
              yz += getY(r, j) * z;
            }
            acc += log(sum) + mx - yz;
          } else {
            acc += am == ay ? 1.0 : 0.0;
          }
        }
        setOutput(acc);
      }`,
  };
}

/** Packs a row-major [rows, cols] upload into 2×2 texels, as tfjs's matMul reads its operands. */
function packProgram(rows: number, cols: number): GPGPUProgram {
  return {
    variableNames: ['A'],
    outputShape: [rows, cols],
    packedOutput: true,
    userCode: `
      void main() {
        ivec2 rc = getOutputCoords();
        int r = rc.x;
        int c = rc.y;
        bool lastCol = c + 1 >= ${cols};
        bool lastRow = r + 1 >= ${rows};
        setOutput(vec4(
          getA(r, c),
          lastCol ? 0.0 : getA(r, c + 1),
          lastRow ? 0.0 : getA(r + 1, c),
          lastCol || lastRow ? 0.0 : getA(r + 1, c + 1)));
      }`,
  };
}

/** upstream ⊙ f′, one packed program: `expr` reads the upstream gradient as `a` and the layer's output as `b`. */
function activationGrad(kind: ProgramKind, expr: string, upstream: tf.Tensor2D, h: tf.Tensor2D) {
  const p = cachedProgram(kind, upstream.shape, () => elementwise(upstream.shape, 2, expr, []));
  return runProgram(p, [upstream, h]) as tf.Tensor2D;
}

export const fusedBackward: BackwardKernels = {
  gradient: (z, y) => {
    const [rows, cols] = z.shape;
    const p = cachedProgram('gradient', z.shape, () => gradientProgram(rows, cols));
    return runProgram(p, [z, y], [[1 / rows]]) as tf.Tensor2D;
  },
  stats: (z, y) => {
    const [rows, cols] = z.shape;
    return runProgram(
      cachedProgram('stats', z.shape, () => statsProgram(rows, cols)),
      [z, y],
    ) as tf.Tensor1D;
  },
  reluGrad: (upstream, h) => activationGrad('relu-grad', 'a * vec4(greaterThan(b, vec4(0.0)))', upstream, h),
  // In the composed versions' order of operations, so both round alike.
  tanhGrad: (upstream, h) => activationGrad('tanh-grad', 'a * (1.0 - b * b)', upstream, h),
  sigmoidGrad: (upstream, h) => activationGrad('sigmoid-grad', 'a * (b * (1.0 - b))', upstream, h),
  // Without this, each of the two matrix products that read x would pack its own copy.
  prepareInput: (x) => {
    const [rows, cols] = x.shape;
    return runProgram(
      cachedProgram('pack', x.shape, () => packProgram(rows, cols)),
      [x],
    ) as tf.Tensor2D;
  },
};

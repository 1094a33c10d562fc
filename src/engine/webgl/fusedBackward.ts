// The backward pass's WebGL programs: softmax cross-entropy (the logits' gradient; the batch's
// [loss sum, correct count]), the hidden activations' gradients on packed textures (with dropout's
// mask drawn in the same pass), dropout on the hidden activations, and packing the uploaded batch once.
// The composed versions in ../backwardKernels.ts are the reference.
import * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { composedBackward, type BackwardKernels } from '../backwardKernels';
import type { LayerMask } from '../../shared/dropout';
import type { Activation } from '../../shared/model';
import { cachedProgram, elementwise, runProgram } from './run';

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

/**
 * shared/dropout.ts's hash in GLSL ES 3.00 (highp uint: products wrap modulo 2^32, as Math.imul does).
 * `dropMask()` is m for the packed output texel at (r, c): (r, c), (r, c + 1), (r + 1, c), (r + 1, c + 1).
 * The layer's key and threshold come as 16-bit halves: exact in any uniform, with no int-to-uint casts
 * of negative values.
 */
const MASK_GLSL = `
  uint mix32(uint x) {
    x ^= x >> 16u; x *= 0x7feb352du; x ^= x >> 15u; x *= 0x846ca68bu; x ^= x >> 16u;
    return x;
  }
  float keepScale(uint rowKey, int c, uint threshold) {
    return mix32(rowKey ^ uint(c)) < threshold ? dropScale : 0.0;
  }
  vec4 dropMask() {
    ivec2 rc = getOutputCoords();
    uint key = (uint(dropKey.x) << 16u) | uint(dropKey.y);
    uint threshold = (uint(keepBelow.x) << 16u) | uint(keepBelow.y);
    uint top = mix32(key ^ uint(rc.x));
    uint bottom = mix32(key ^ uint(rc.x + 1));
    return vec4(
      keepScale(top, rc.y, threshold), keepScale(top, rc.y + 1, threshold),
      keepScale(bottom, rc.y, threshold), keepScale(bottom, rc.y + 1, threshold));
  }`;

/** A packed elementwise program like run.ts's, with dropMask() available to `expr`. */
function maskedProgram(shape: number[], inputs: number, expr: string): GPGPUProgram {
  const names = ['A', 'B'].slice(0, inputs);
  const reads = names.map((n) => `vec4 ${n.toLowerCase()} = get${n}AtOutCoords();`).join('\n');
  return {
    variableNames: names,
    outputShape: shape,
    packedInputs: true,
    packedOutput: true,
    customUniforms: [
      { name: 'dropKey', type: 'ivec2' },
      { name: 'keepBelow', type: 'ivec2' },
      { name: 'dropScale', type: 'float' },
    ],
    // The mask's key changes every step: a uniform, so no step recompiles.
    userCode: `${MASK_GLSL}\nvoid main() {\n${reads}\nsetOutput(${expr});\n}`,
  };
}

function maskUniforms(mask: LayerMask): number[][] {
  const halves = (u: number) => [u >>> 16, u & 0xffff];
  return [halves(mask.key), halves(mask.threshold), [mask.scale]];
}

/** GLSL ES 1.00 (WebGL 1) has no unsigned integers: there the mask is drawn on the host and uploaded. */
const hasUintShaders = () => tf.env().getNumber('WEBGL_VERSION') === 2;

/**
 * upstream ⊙ f′ (⊙ m with a mask), one packed program: `expr` reads the upstream gradient as `a` and
 * the layer's output as `b`. The mask multiplies last, as in the composed versions, so both round alike.
 */
function activationGrad(f: Activation, expr: string): BackwardKernels['reluGrad'] {
  return (upstream, h, mask) => {
    if (!mask) {
      const p = cachedProgram(`${f}-grad`, upstream.shape, () => elementwise(upstream.shape, 2, expr, []));
      return runProgram(p, [upstream, h]) as tf.Tensor2D;
    }
    if (!hasUintShaders()) return composedBackward[`${f}Grad`](upstream, h, mask);
    const p = cachedProgram(`${f}-grad-dropout`, upstream.shape, () =>
      maskedProgram(upstream.shape, 2, `${expr} * dropMask()`),
    );
    return runProgram(p, [upstream, h], maskUniforms(mask)) as tf.Tensor2D;
  };
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
  reluGrad: activationGrad('relu', 'a * vec4(greaterThan(b, vec4(0.0)))'),
  // In the composed versions' order of operations, so both round alike.
  tanhGrad: activationGrad('tanh', 'a * (1.0 - b * b)'),
  sigmoidGrad: activationGrad('sigmoid', 'a * (b * (1.0 - b))'),
  // One pass over the activations (never the weights): the mask is hashed in the shader, not uploaded.
  dropout: (h, mask) => {
    if (!hasUintShaders()) return composedBackward.dropout(h, mask);
    const p = cachedProgram('dropout', h.shape, () => maskedProgram(h.shape, 1, 'a * dropMask()'));
    return runProgram(p, [h], maskUniforms(mask)) as tf.Tensor2D;
  },
  // Without this, each of the two matrix products that read x would pack its own copy.
  prepareInput: (x) => {
    const [rows, cols] = x.shape;
    return runProgram(
      cachedProgram('pack', x.shape, () => packProgram(rows, cols)),
      [x],
    ) as tf.Tensor2D;
  },
};

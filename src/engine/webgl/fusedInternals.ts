// The instruments as WebGL programs for the fused path. Sums read each packed texel (four values) once,
// one texel row per fragment, then add the rows up. Adam's step percentiles rank a fixed strided
// sample by counting, four ranks per texel (tf.topk would read the tensor back synchronously on WebGL
// at these sizes). Nothing leaves the GPU. The composed versions in ../internals.ts are the reference.
import * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { orderRanks, samplePlan, type InternalsKernels } from '../internals';
import { cachedProgram, runProgram } from './run';

/** A padded sample slot: larger than any step, so it ranks above every real one and is never picked. */
const PAD = '1e38';

type Variant = 'sgd' | 'momentum' | 'adam';

/** The quantities of a texel's four values, four to an output texel; `valid` masks odd shapes' padding. */
const QUANTITIES: Record<Variant, string[]> = {
  sgd: ['g * g', 'd * d', 't * t'],
  momentum: ['g * g', 'd * d', 't * t', 'v * v', 'v * g'],
  // ε ≥ √v̂_t, with √v̂_t = √v_t·invRootBias2 as the update forms it.
  adam: ['g * g', 'd * d', 't * t', 'vec4(lessThanEqual(sqrt(s) * invRootBias2, vec4(eps)))'],
};

/**
 * Packed [2·⌈K/4⌉, 2·⌈rows/2⌉]: output texel (q, b) holds quantities 4q…4q+3 summed over texel row b of
 * the [rows, cols] inputs (logical rows 2b and 2b + 1). Each input texel is read once per output
 * texel row, four values at a time; a fragment walks one texel row, so no index arithmetic is needed.
 */
function momentsProgram(variant: Variant, rows: number, cols: number): GPGPUProgram {
  const quantities = QUANTITIES[variant];
  const groups = Math.ceil(quantities.length / 4);
  const extra = variant === 'momentum' ? ['V'] : variant === 'adam' ? ['S'] : [];
  const reads = extra.map((n) => `vec4 ${n.toLowerCase()} = get${n}(r, c);`).join(' ');
  const sums = Array.from({ length: groups }, (_, q) => {
    const four = [0, 1, 2, 3].map((j) => {
      const expr = quantities[4 * q + j];
      return expr ? `dot(${expr}, valid)` : '0.0';
    });
    return `if (q == ${q}) acc += vec4(${four.join(', ')});`;
  }).join('\n          ');
  return {
    variableNames: ['G', 'O', 'T', ...extra],
    outputShape: [2 * groups, 2 * Math.ceil(rows / 2)],
    packedInputs: true,
    packedOutput: true,
    customUniforms:
      variant === 'adam'
        ? [
            { name: 'invRootBias2', type: 'float' as const },
            { name: 'eps', type: 'float' as const },
          ]
        : [],
    userCode: `
      void main() {
        ivec2 qb = getOutputCoords() / 2;
        int q = qb.x;
        int r = 2 * qb.y;
        // A texel holds (r, c), (r, c+1), (r+1, c), (r+1, c+1); odd shapes pad the last row or column.
        float below = r + 1 < ${rows} ? 1.0 : 0.0;
        vec4 acc = vec4(0.0);
        for (int i = 0; i < ${Math.ceil(cols / 2)}; i++) {
          int c = 2 * i;
          float right = c + 1 < ${cols} ? 1.0 : 0.0;
          vec4 valid = vec4(1.0, right, below, right * below);
          vec4 g = getG(r, c);
          vec4 t = getT(r, c);
          vec4 d = t - getO(r, c);
          ${reads}
          ${sums}
        }
        setOutput(acc);
      }`,
  };
}

/**
 * Output [K] or, with a ranked sample, [K + ks.length]: quantity k summed over the texel rows of
 * momentsProgram's output (P), then the order statistics at ranks `ks` of the sample X with ranks R:
 * the k-th smallest value is max{x_i : r_i ≤ k} (exact with ties). One program, so a variable's
 * numbers cost one launch after the parallel passes.
 */
function finishProgram(count: number, rowsOfBlocks: number, sample?: { texels: number; ks: number[] }) {
  const pickRank = sample ? sample.ks.map((k, o) => `o == ${o} ? ${k}.5 : `).join('') + '-1.0' : '';
  return {
    variableNames: ['P', ...(sample ? ['X', 'R'] : [])],
    outputShape: [count + (sample?.ks.length ?? 0)],
    packedInputs: true,
    userCode: `
      float total(int k) {
        int j = k - 4 * (k / 4);
        vec4 pick = vec4(j == 0 ? 1.0 : 0.0, j == 1 ? 1.0 : 0.0, j == 2 ? 1.0 : 0.0, j == 3 ? 1.0 : 0.0);
        float acc = 0.0;
        for (int b = 0; b < ${rowsOfBlocks}; b++) acc += dot(getP(2 * (k / 4), 2 * b), pick);
        return acc;
      }
      ${
        sample
          ? `float orderStat(int o) {
        float k = ${pickRank};
        float best = 0.0; // effective steps are ≥ 0
        for (int j = 0; j < ${sample.texels}; j++) {
          vec4 x = getX(0, 2 * j) * vec4(lessThan(getR(0, 2 * j), vec4(k)));
          best = max(best, max(max(x.x, x.y), max(x.z, x.w)));
        }
        return best;
      }`
          : ''
      }
      void main() {
        int k = getOutputCoords();
        setOutput(${sample ? `k < ${count} ? total(k) : orderStat(k - ${count})` : 'total(k)'});
      }`,
  } satisfies GPGPUProgram;
}

/** Packed [2, 2·texels]: sample 4p + j in component j of texel p, η·|m̂_t|/(√v̂_t + ε) at (4p + j)·stride. */
function sampleProgram(rows: number, cols: number, stride: number, count: number): GPGPUProgram {
  return {
    variableNames: ['M', 'S'],
    outputShape: [2, 2 * Math.ceil(count / 4)],
    packedInputs: true,
    packedOutput: true,
    customUniforms: [
      { name: 'stepScale', type: 'float' },
      { name: 'invRootBias2', type: 'float' },
      { name: 'eps', type: 'float' },
    ],
    userCode: `
      float component(vec4 v, int i) {
        return i == 0 ? v.x : (i == 1 ? v.y : (i == 2 ? v.z : v.w));
      }
      float stepAt(int n) { // n-th sample ('sample' is reserved in GLSL ES 3)
        if (n >= ${count}) return ${PAD};
        int idx = n * ${stride};
        int r = idx / ${cols};
        int c = idx - r * ${cols};
        int j = 2 * (r - 2 * (r / 2)) + (c - 2 * (c / 2));
        float m = component(getM(r, c), j);
        float s = component(getS(r, c), j);
        // In the order of operations of the composed version.
        return abs(m) * stepScale / (sqrt(s) * invRootBias2 + eps);
      }
      void main() {
        int p = getOutputCoords().y / 2;
        setOutput(vec4(stepAt(4 * p), stepAt(4 * p + 1), stepAt(4 * p + 2), stepAt(4 * p + 3)));
      }`,
  };
}

/** r_i = #{j : x_j < x_i}, four per texel: each fetch of four values serves four comparisons each. */
function rankProgram(texels: number): GPGPUProgram {
  return {
    variableNames: ['X'],
    outputShape: [2, 2 * texels],
    packedInputs: true,
    packedOutput: true,
    userCode: `
      void main() {
        vec4 own = getX(0, getOutputCoords().y);
        vec4 r = vec4(0.0);
        for (int j = 0; j < ${texels}; j++) {
          vec4 x = getX(0, 2 * j);
          r += vec4(
            dot(vec4(lessThan(x, vec4(own.x))), vec4(1.0)),
            dot(vec4(lessThan(x, vec4(own.y))), vec4(1.0)),
            dot(vec4(lessThan(x, vec4(own.z))), vec4(1.0)),
            dot(vec4(lessThan(x, vec4(own.w))), vec4(1.0)));
        }
        setOutput(r);
      }`,
  };
}

/** The tensor as [rows, cols] (a 1-D tensor as one row): the programs address texels in two dimensions. */
function as2d(x: tf.Tensor): tf.Tensor2D {
  const cols = x.shape[x.rank - 1] ?? 1;
  return tf.reshape(x, [x.size / cols, cols]);
}

/** Same contract as composedInternals. */
export const fusedInternals: InternalsKernels = {
  measure: ({ g, old, theta, velocity, adam }) =>
    tf.tidy(() => {
      const variant: Variant = velocity ? 'momentum' : adam ? 'adam' : 'sgd';
      const [rows, cols] = as2d(theta).shape;
      const extra = velocity ?? adam?.s;
      const inputs = [g, old, theta, ...(extra ? [extra] : [])].map(as2d);
      const moments = cachedProgram(`moments-${variant}`, [rows, cols], () =>
        momentsProgram(variant, rows, cols),
      );
      const partial = runProgram(moments, inputs, adam ? [[adam.invRootBias2], [adam.eps]] : []);
      const k = QUANTITIES[variant].length;
      const rowsOfBlocks = Math.ceil(rows / 2);
      if (!adam) {
        const finish = cachedProgram(`finish-${variant}`, [rows, cols], () => finishProgram(k, rowsOfBlocks));
        return runProgram(finish, [partial]) as tf.Tensor1D;
      }
      const { stride, count } = samplePlan(theta.size);
      const texels = Math.ceil(count / 4);
      const sample = runProgram(
        cachedProgram('step-sample', [rows, cols], () => sampleProgram(rows, cols, stride, count)),
        [as2d(adam.m), as2d(adam.s)],
        [[adam.stepScale], [adam.invRootBias2], [adam.eps]],
      );
      const rank = runProgram(
        cachedProgram('step-rank', [texels], () => rankProgram(texels)),
        [sample],
      );
      const finish = cachedProgram('finish-adam', [rows, cols], () =>
        finishProgram(k, rowsOfBlocks, { texels, ks: orderRanks(count) }),
      );
      return runProgram(finish, [partial, sample, rank]) as tf.Tensor1D;
    }),
};

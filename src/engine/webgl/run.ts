// Runs a hand-written WebGL program through the tfjs WebGL backend's program API and returns a tensor
// that tidy() and dispose() manage like any other.
import * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

/**
 * Launches of our own programs. tf.profile only sees kernels dispatched through the engine, so
 * kernel counts (bench, tests) add this to what it reports.
 */
export const programLaunches = { count: 0 };

/** What each of our programs computes; one list, so two files cannot pick the same name for different code. */
export type ProgramKind =
  | 'gradient'
  | 'stats'
  | 'relu-grad'
  | 'tanh-grad'
  | 'sigmoid-grad'
  | 'relu-grad-dropout'
  | 'tanh-grad-dropout'
  | 'sigmoid-grad-dropout'
  | 'dropout'
  | 'pack'
  | 'sgd'
  | 'mom-v'
  | 'mom-t'
  | 'adam-m'
  | 'adam-s'
  | 'adam-t'
  | 'ada-s'
  | 'l2'
  | 'moments-sgd'
  | 'moments-momentum'
  | 'moments-adam'
  | 'finish-sgd'
  | 'finish-momentum'
  | 'finish-adam'
  | 'step-sample'
  | 'step-rank'
  | 'gather-images'
  | 'gather-labels';

/** The optimizer programs that read the gradient, and so can fold L2 weight decay in. */
export type FoldableKind = 'sgd' | 'mom-v' | 'mom-t' | 'ada-s' | 'adam-m' | 'adam-s' | 'adam-t';
/** Such a program with L2 folded in (it reads θ and adds λ·θ to g itself). */
export type FoldedKind = `${FoldableKind}-l2`;

/**
 * Programs are plain objects built once per kind and shape, so tfjs's shader cache is hit cheaply.
 * The key is built here, so every caller uses the same scheme.
 */
const programs = new Map<string, GPGPUProgram>();
export function cachedProgram(
  kind: ProgramKind | FoldedKind,
  shape: readonly number[],
  make: () => GPGPUProgram,
): GPGPUProgram {
  const key = `${kind}:${shape.join('x')}`;
  let p = programs.get(key);
  if (!p) programs.set(key, (p = make()));
  return p;
}

export function runProgram(program: GPGPUProgram, inputs: tf.Tensor[], uniforms: number[][] = []): tf.Tensor {
  programLaunches.count++;
  const backend = tf.backend() as MathBackendWebGL;
  const info = backend.compileAndRun(program, inputs, 'float32', uniforms);
  return tf.engine().makeTensorFromTensorInfo(info);
}

/**
 * Elementwise program over same-shaped inputs A, B, C…; `expr` is GLSL using a, b, c… and the uniforms.
 * It works on packed textures (four values per texel, `vec4`): weights and their gradients come packed
 * from matMul and go back into matMul, so a packed update avoids an unpack and a pack per tensor.
 */
export function elementwise(shape: number[], inputs: number, expr: string, uniforms: string[]): GPGPUProgram {
  const names = ['A', 'B', 'C', 'D'].slice(0, inputs);
  const reads = names.map((n) => `vec4 ${n.toLowerCase()} = get${n}AtOutCoords();`).join('\n');
  return {
    variableNames: names,
    outputShape: shape,
    packedInputs: true,
    packedOutput: true,
    customUniforms: uniforms.map((name) => ({ name, type: 'float' as const })),
    // Uniform values are not part of the shader: changing η or β never recompiles.
    userCode: `void main() {\n${reads}\nsetOutput(${expr});\n}`,
  };
}

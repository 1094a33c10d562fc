// Instruments on the real WebGL backend: the fused optimizers' (programs for Adam's ε share and step
// percentiles, composed ops for the rest) against the composed reference's, step by step from identical
// weights, with Adam's bias correction on and off; plus blocking reads and tensors left behind.
import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { decodeInternals } from '../../../src/engine/internals';
import { createOptimizer } from '../../../src/engine/optimizers';
import { createFusedOptimizer } from '../../../src/engine/webgl/fusedOptimizers';
import { createRng } from '../../../src/shared/random';
import type { EngineHyperParams } from '../../../src/shared/checkpoint';
import type { InternalsPoint } from '../../../src/shared/internals';
import { DEFAULT_MODEL, modelSpec, tensorNames, tensorShapes } from '../../../src/shared/model';
import { hyperParamsOf, type OptimizerName } from '../../../src/shared/settings';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { settingsOf } from '../../../src/experiment/runs';
import { relError } from '../../helpers/tf';

const HYPER: EngineHyperParams = { ...hyperParamsOf(settingsOf(DEFAULT_CONFIG)), epsilon: 1e-4 };

/** Largest differences between fused and composed, by kind of instrument. */
export interface InternalsComparison {
  /** Relative: gradNorm, updateNorm, weightNorm, velocityNorm. */
  norms: number;
  /** Absolute: velocityCosine. */
  cosine: number;
  /** Relative: stepMedian, stepP90. */
  steps: number;
  /** Absolute: epsShare. */
  epsShare: number;
  /** Relative: biasCorrection1, biasCorrection2. */
  factors: number;
  /** Relative: the weights after one update (bias correction off included). */
  update: number;
  /** backend.readSync calls during the fused path's measured steps. */
  readSyncs: number;
  tensorGrowth: number;
  variants: string[];
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-30);

/**
 * Gradients spanning five decades, with the first 100/784 of the first kernel zero (for `mlp-128`, the
 * rows of 100 always-blank pixels).
 */
function grads(rng: () => number, shapes: number[][], sizes: number[]): tf.Tensor[] {
  return shapes.map((s, k) =>
    tf.tensor(
      Float32Array.from({ length: sizes[k]! }, (_, i) =>
        k === 0 && i < Math.floor((sizes[0]! * 100) / 784) ? 0 : (rng() < 0.5 ? -1 : 1) * 10 ** (-5 * rng()),
      ),
      s,
    ),
  );
}

/** Fused against composed instruments on the tensors of `model` (default: the reference `mlp-128`). */
export async function compareInternals(model = DEFAULT_MODEL): Promise<InternalsComparison> {
  const spec = modelSpec(model);
  const SHAPES = tensorShapes(spec);
  const NAMES = tensorNames(spec);
  const SIZES = SHAPES.map((s) => s.reduce((a, b) => a * b, 1));
  const backend = tf.backend() as MathBackendWebGL;
  const readSync = backend.readSync.bind(backend);
  let readSyncs = 0;
  let fusedRunning = false;
  backend.readSync = (dataId) => {
    if (fusedRunning) readSyncs++;
    return readSync(dataId);
  };
  const out: InternalsComparison = {
    norms: 0,
    cosine: 0,
    steps: 0,
    epsShare: 0,
    factors: 0,
    update: 0,
    readSyncs: 0,
    tensorGrowth: 0,
    variants: [],
  };
  const variants: [string, OptimizerName, Partial<EngineHyperParams>][] = [
    ['sgd', 'sgd', {}],
    ['momentum', 'momentum', {}],
    ['nesterov', 'momentum', { nesterov: true }],
    ['adam', 'adam', {}],
    ['adam without bias correction', 'adam', { biasCorrection: false }],
    ['adagrad', 'adagrad', {}],
    ['rmsprop with L2', 'rmsprop', { weightDecay: 0.01 }],
    ['adamw', 'adamw', { weightDecay: 0.01 }],
  ];
  const before = tf.memory().numTensors;
  for (const [label, name, extra] of variants) {
    const rng = createRng(8);
    const h = { ...HYPER, ...extra };
    const a = tf.tidy(() => SHAPES.map((s) => tf.variable(tf.randomUniform(s, -0.5, 0.5, 'float32', 3))));
    const b = tf.tidy(() => a.map((v) => tf.variable(v.clone())));
    const composed = createOptimizer(name, h);
    const fused = createFusedOptimizer(name, h);
    for (let step = 1; step <= 8; step++) {
      if (step === 5)
        for (const o of [composed, fused])
          o.setHyperParams({ beta1: 0.5, beta2: 0.99, learningRate: 0.02, momentum: 0.5 });
      const g = grads(rng, SHAPES, SIZES);
      const mc = composed.applyMeasured(a, g);
      fusedRunning = true;
      const mf = fused.applyMeasured(b, g);
      fusedRunning = false;
      const decode = async (m: typeof mc): Promise<InternalsPoint> =>
        decodeInternals(step, m, await m.raw.data(), 0, NAMES, SIZES);
      const [pc, pf] = [await decode(mc), await decode(mf)];
      tf.dispose([mc.raw, mf.raw, ...g]);
      for (const n of NAMES) {
        const [c, f] = [pc.layers[n]!, pf.layers[n]!];
        for (const key of ['gradNorm', 'updateNorm', 'weightNorm', 'velocityNorm'] as const)
          if (c[key] !== undefined) out.norms = Math.max(out.norms, rel(f[key]!, c[key]));
        if (c.velocityCosine !== undefined)
          out.cosine = Math.max(out.cosine, Math.abs(f.velocityCosine! - c.velocityCosine));
        if (c.epsShare !== undefined) {
          out.epsShare = Math.max(out.epsShare, Math.abs(f.epsShare! - c.epsShare));
          out.steps = Math.max(out.steps, rel(f.stepMedian!, c.stepMedian!), rel(f.stepP90!, c.stepP90!));
        }
      }
      if (pc.biasCorrection1 !== undefined)
        out.factors = Math.max(
          out.factors,
          rel(pf.biasCorrection1!, pc.biasCorrection1),
          rel(pf.biasCorrection2!, pc.biasCorrection2!),
        );
      for (let i = 0; i < a.length; i++) {
        out.update = Math.max(out.update, relError(await b[i]!.data(), await a[i]!.data()));
        b[i]!.assign(a[i]!); // the next step starts from identical weights again
      }
    }
    composed.dispose();
    fused.dispose();
    tf.dispose([...a, ...b]);
    out.variants.push(label);
  }
  backend.readSync = readSync;
  out.readSyncs = readSyncs;
  out.tensorGrowth = tf.memory().numTensors - before;
  return out;
}

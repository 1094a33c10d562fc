// Step time of every optimizer at batch 32 (`npm run bench -- --optimizers-only`): one Trainer per
// optimizer in this worker, timed in interleaved blocks so that a slow spell of the machine falls on all.
import * as tf from '@tensorflow/tfjs-core';
import { composedBackward } from '../../src/engine/backwardKernels';
import type { MnistData } from '../../src/engine/mnist';
import { createOptimizer } from '../../src/engine/optimizers';
import { programLaunches } from '../../src/engine/webgl/run';
import { Trainer, type TrainerKernels } from '../../src/engine/trainer';
import { isInternalsStep, INTERNALS_EVERY, INTERNALS_EVERY_STEP_UNTIL } from '../../src/shared/internals';
import { hyperParamsOf, OPTIMIZERS, type HyperParams } from '../../src/shared/settings';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { DEFAULT_MODEL } from '../../src/shared/model';
import { NOT_COUNTED, type Job, type OptimizerStepTime, type RunResult } from './jobs';
import type { Probe } from './probes';

/** The six optimizers at the recipe's λ (0), and the two weight decays the issue names, which add work. */
const VARIANTS = [
  ...OPTIMIZERS.map((optimizer) => ({ label: optimizer, optimizer, weightDecay: 0 })),
  { label: 'adam, L2 λ 1e-4', optimizer: 'adam', weightDecay: 1e-4 },
  { label: 'adamw, λ 0.01', optimizer: 'adamw', weightDecay: 0.01 },
] as const;

/**
 * Rounds of one block per optimizer; round r starts at the (r mod n)-th optimizer, so each takes every
 * place in the order three times. Many short blocks rather than a few long ones: on a shared two-core
 * machine a burst of other work spoils a few blocks, which the medians leave out.
 */
const ROUNDS = 3 * VARIANTS.length;
/** Steps per block: a multiple of INTERNALS_EVERY, so every block records the instruments as often. */
export const BLOCK_STEPS = 4 * INTERNALS_EVERY;

/** Wall time of `steps` steps and the readback that waits for the device to finish them. */
export async function timeBlock(t: Trainer, steps: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) t.trainStep();
  await t.flushMetrics();
  return performance.now() - t0;
}

/** Updates per timing of the update alone (where the step's difference comes from). */
const UPDATE_REPS = 40;

type Variant = (typeof VARIANTS)[number];

/**
 * Milliseconds of one update of all weights by each variant's optimizer alone (no instruments), on the
 * gradients of one synthetic batch, each timed UPDATE_REPS times in interleaved rounds.
 */
async function updateTimes(
  t: Trainer,
  hyper: HyperParams,
  kernels: TrainerKernels,
  rounds: number,
): Promise<number[][]> {
  const b = t.config.batchSize;
  // One synthetic batch: pixels in [0, 1), row k labelled k mod 10.
  const x = tf.tensor2d(
    Float32Array.from({ length: b * 784 }, (_, i) => (i % 7) / 7),
    [b, 784],
  );
  const hot = (i: number) => (i % 10 === Math.floor(i / 10) % 10 ? 1 : 0);
  const y = tf.tensor2d(
    Float32Array.from({ length: b * 10 }, (_, i) => hot(i)),
    [b, 10],
  );
  const grads = tf.tidy(() => {
    const ce = kernels.backward ?? composedBackward;
    const r = t.model.backward(x, y, ce);
    r.stats.dispose();
    return r.grads;
  });
  const vars = t.model.variables;
  const make = (v: Variant) =>
    (kernels.createOptimizer ?? createOptimizer)(v.optimizer, { ...hyper, weightDecay: v.weightDecay });
  const opts = VARIANTS.map(make);
  // The device is done when the last variable's new value can be read.
  const settle = () => vars.at(-1)!.data();
  try {
    for (const o of opts) o.apply(vars, grads);
    await settle();
    const ms: number[][] = VARIANTS.map(() => []);
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < opts.length; k++) {
        const i = (r + k) % opts.length;
        const t0 = performance.now();
        for (let j = 0; j < UPDATE_REPS; j++) opts[i]!.apply(vars, grads);
        await settle();
        ms[i]!.push((performance.now() - t0) / UPDATE_REPS);
      }
    return ms;
  } finally {
    for (const o of opts) o.dispose();
    tf.dispose([x, y, ...grads]);
  }
}

/** WebGL programs (all, and our own) one call of trainStep launches. */
export function programsOfStep(t: Trainer, probe: Probe): { all: number; own: number } {
  const own = programLaunches.count;
  probe.start();
  t.trainStep();
  probe.stop();
  return { all: probe.programs, own: programLaunches.count - own };
}

export async function runOptimizerSteps(
  job: Job,
  data: MnistData,
  kernels: TrainerKernels,
  probe: Probe,
  log: (s: string) => void,
): Promise<Omit<RunResult, 'renderer' | 'loadMs' | 'totalMs' | 'gpuDataBytes'>> {
  // Past the steps that all record instruments, and on the cadence's boundary.
  const warmup = Math.max(job.warmupSteps, INTERNALS_EVERY_STEP_UNTIL + INTERNALS_EVERY);
  const warmupSteps = Math.ceil(warmup / INTERNALS_EVERY) * INTERNALS_EVERY;
  const hyper = hyperParamsOf(settingsOf(DEFAULT_CONFIG));
  const trainers = VARIANTS.map(
    (v) =>
      new Trainer(
        data,
        {
          settings: { ...hyper, optimizer: v.optimizer, weightDecay: v.weightDecay },
          batchSize: job.batchSize,
          epochs: 10,
          preprocessing: 'scale',
          seed: 1,
          model: job.model ?? DEFAULT_MODEL,
        },
        undefined,
        kernels,
      ),
  );
  try {
    log(`warm-up: ${warmupSteps} steps each (shaders, textures, the instruments' first steps)`);
    for (const t of trainers) await timeBlock(t, warmupSteps);
    const roundsMs: number[][] = VARIANTS.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < VARIANTS.length; k++) {
        const i = (r + k) % VARIANTS.length;
        roundsMs[i]!.push((await timeBlock(trainers[i]!, BLOCK_STEPS)) / BLOCK_STEPS);
      }
      log(`round ${r + 1}/${ROUNDS}: ${roundsMs.map((ms) => ms.at(-1)!.toFixed(2)).join(', ')} ms/step`);
    }
    log(`the update alone: ${UPDATE_REPS} updates of all weights per optimizer and round`);
    const updateMs = await updateTimes(trainers[0]!, hyper, kernels, VARIANTS.length);
    const results: OptimizerStepTime[] = VARIANTS.map((v, i) => {
      const t = trainers[i]!;
      // A step without instruments, then (the cadence's next) one with them.
      while (isInternalsStep(t.step + 1)) t.trainStep();
      const plain = programsOfStep(t, probe);
      while (!isInternalsStep(t.step + 1)) t.trainStep();
      const instrumented = programsOfStep(t, probe);
      return {
        label: v.label,
        optimizer: v.optimizer,
        weightDecay: v.weightDecay,
        roundsMs: roundsMs[i]!,
        updateMs: updateMs[i]!,
        programsPerStep: plain.all,
        ownProgramsPerStep: plain.own,
        programsPerInstrumentStep: instrumented.all,
      };
    });
    await Promise.all(trainers.map((t) => t.flushMetrics()));
    const sgd = results[0]!;
    const sgdMs = sgd.roundsMs.reduce((s, x) => s + x, 0) / ROUNDS;
    return {
      id: job.id,
      impl: job.impl,
      optimizer: 'sgd',
      model: job.model ?? DEFAULT_MODEL,
      batchSize: job.batchSize,
      mode: job.mode,
      lanes: 1,
      ablation: null,
      steps: ROUNDS * BLOCK_STEPS,
      ms: sgdMs * ROUNDS * BLOCK_STEPS,
      samplesPerSec: (job.batchSize * 1000) / sgdMs,
      msPerStep: sgdMs,
      ...NOT_COUNTED,
      optimizerSteps: results,
    };
  } finally {
    for (const t of trainers) t.dispose();
  }
}

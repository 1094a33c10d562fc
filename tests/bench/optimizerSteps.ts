// Step time of every optimizer at batch 32 (`npm run bench -- --optimizers-only`): one Trainer per
// optimizer in this worker, timed in interleaved blocks (interleaved.ts).
import * as tf from '@tensorflow/tfjs-core';
import { composedBackward } from '../../src/engine/backwardKernels';
import type { MnistData } from '../../src/engine/mnist';
import { createOptimizer } from '../../src/engine/optimizers';
import { Trainer, type TrainerKernels } from '../../src/engine/trainer';
import { hyperParamsOf, OPTIMIZERS, type HyperParams } from '../../src/shared/settings';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { DEFAULT_MODEL } from '../../src/shared/model';
import { NOT_COUNTED, type Job, type OptimizerStepTime, type RunResult } from './jobs';
import { BLOCK_STEPS, interleavedBlocks, stepPrograms, syntheticBatch } from './interleaved';
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
  const { x, y } = syntheticBatch(t.config.batchSize);
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

export async function runOptimizerSteps(
  job: Job,
  data: MnistData,
  kernels: TrainerKernels,
  probe: Probe,
  log: (s: string) => void,
): Promise<Omit<RunResult, 'renderer' | 'loadMs' | 'totalMs' | 'gpuDataBytes'>> {
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
    const roundsMs = await interleavedBlocks(job, trainers, ROUNDS, log);
    log(`the update alone: ${UPDATE_REPS} updates of all weights per optimizer and round`);
    const updateMs = await updateTimes(trainers[0]!, hyper, kernels, VARIANTS.length);
    const results: OptimizerStepTime[] = VARIANTS.map((v, i) => {
      return {
        label: v.label,
        optimizer: v.optimizer,
        weightDecay: v.weightDecay,
        roundsMs: roundsMs[i]!,
        updateMs: updateMs[i]!,
        ...stepPrograms(trainers[i]!, probe),
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

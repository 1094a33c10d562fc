// What the optimizer and dropout step benches share: several Trainers in one worker, timed in
// interleaved blocks so that a slow spell of the machine falls on all of them, the programs one step
// launches, and a synthetic batch for timing a part of the step alone.
import * as tf from '@tensorflow/tfjs-core';
import { programLaunches } from '../../src/engine/webgl/run';
import type { Trainer } from '../../src/engine/trainer';
import { isInternalsStep, INTERNALS_EVERY, INTERNALS_EVERY_STEP_UNTIL } from '../../src/shared/internals';
import type { Job } from './jobs';
import type { Probe } from './probes';

/** Steps per block: a multiple of INTERNALS_EVERY, so every block records the instruments as often. */
export const BLOCK_STEPS = 4 * INTERNALS_EVERY;

/** Wall time of `steps` steps and the readback that waits for the device to finish them. */
export async function timeBlock(t: Trainer, steps: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) t.trainStep();
  await t.flushMetrics();
  return performance.now() - t0;
}

/**
 * Warms every trainer up (past the steps that all record instruments, ending on the cadence's
 * boundary), then times `rounds` rounds of one block each; round r starts at the (r mod n)-th trainer,
 * so each takes every place in the order. Milliseconds per step, per trainer and round.
 */
export async function interleavedBlocks(
  job: Job,
  trainers: readonly Trainer[],
  rounds: number,
  log: (s: string) => void,
  label: (i: number) => string | null = () => null,
): Promise<number[][]> {
  const warmup = Math.max(job.warmupSteps, INTERNALS_EVERY_STEP_UNTIL + INTERNALS_EVERY);
  const warmupSteps = Math.ceil(warmup / INTERNALS_EVERY) * INTERNALS_EVERY;
  log(`warm-up: ${warmupSteps} steps each (shaders, textures, the instruments' first steps)`);
  for (const t of trainers) await timeBlock(t, warmupSteps);
  const roundsMs: number[][] = trainers.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < trainers.length; k++) {
      const i = (r + k) % trainers.length;
      roundsMs[i]!.push((await timeBlock(trainers[i]!, BLOCK_STEPS)) / BLOCK_STEPS);
    }
    const last = roundsMs.map((ms, i) => [label(i), ms.at(-1)!.toFixed(2)].filter(Boolean).join(' '));
    log(`round ${r + 1}/${rounds}: ${last.join(', ')} ms/step`);
  }
  return roundsMs;
}

/** WebGL programs (all, and our own) one call of trainStep launches. */
function programsOfStep(t: Trainer, probe: Probe): { all: number; own: number } {
  const own = programLaunches.count;
  probe.start();
  t.trainStep();
  probe.stop();
  return { all: probe.programs, own: programLaunches.count - own };
}

/** The programs of a step without instruments, then of the cadence's next step, which records them. */
export function stepPrograms(t: Trainer, probe: Probe) {
  while (isInternalsStep(t.step + 1)) t.trainStep();
  const plain = programsOfStep(t, probe);
  while (!isInternalsStep(t.step + 1)) t.trainStep();
  const instrumented = programsOfStep(t, probe);
  return {
    programsPerStep: plain.all,
    ownProgramsPerStep: plain.own,
    programsPerInstrumentStep: instrumented.all,
  };
}

/** One synthetic batch of `b` images: pixels in [0, 1), row k labelled k mod 10 (one-hot). */
export function syntheticBatch(b: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const x = tf.tensor2d(
    Float32Array.from({ length: b * 784 }, (_, i) => (i % 7) / 7),
    [b, 784],
  );
  const y = tf.tensor2d(
    Float32Array.from({ length: b * 10 }, (_, i) => (i % 10 === Math.floor(i / 10) % 10 ? 1 : 0)),
    [b, 10],
  );
  return { x, y };
}

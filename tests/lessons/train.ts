// Trains a lesson part as the page would: the link's shared settings and one Trainer per run, all on
// the same batches (made once, as the runner does), stepped in lockstep; the numbers come back as plain
// arrays for the phenomenon tests.
import { parseExperimentHash } from '../../src/experiment/link';
import type { Experiment } from '../../src/experiment/types';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { pixelStats, type PixelStats } from '../../src/engine/preprocess';
import { Trainer } from '../../src/engine/trainer';
import { makeBatches } from '../../src/engine/batches';
import type { InternalsPoint, LayerInternals } from '../../src/shared/internals';
import type { MetricPoint } from '../../src/shared/metrics';
import { lessonById } from '../../src/lessons/lessons';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

export interface RunTrace {
  name: string;
  points: MetricPoint[];
  internals: InternalsPoint[];
  /** Steps per epoch and in the whole run, on the data it was given. */
  stepsPerEpoch: number;
  totalSteps: number;
  /** Validation loss and accuracy after the last step, when asked for. */
  validation?: { loss: number; accuracy: number };
}

export interface TrainOptions {
  /** Record the optimizer's instruments (on their cadence), as the page does. */
  internals?: boolean;
  /** Evaluate every run on the whole validation split after the last step. */
  validate?: boolean;
  /** Indices of the runs to train (default: all); the others are left out. */
  runs?: readonly number[];
  /** Called after each step of every run, before the next one. */
  afterStep?: (step: number, trainers: readonly Trainer[]) => Promise<void>;
}

/** What the lesson tests train on, once per test file. */
export interface LessonData {
  /** All of MNIST, for steps-per-epoch checks on the full split. */
  full: MnistData;
  /**
   * The whole training split, so the batches are the very ones the class sees (a step costs the same
   * whatever the split's size); a cut of 1,000 validation images for the evaluations.
   */
  data: MnistData;
  /** The whole training set's pixel statistics. */
  stats: PixelStats;
}

/** Real MNIST on the CPU backend, as the lesson tests use it. */
export async function loadLessonData(): Promise<LessonData> {
  await useCpu();
  const full = await loadMnist(nodeByteSource());
  const stats = pixelStats(full.train.images);
  return { full, data: { ...full, validation: head(full.validation, 1000) }, stats };
}

/** The experiment a lesson link opens (lessons.test.ts checks that it parses without notices). */
export function experimentOf(link: string): Experiment {
  return parseExperimentHash(`#${link}`).experiment;
}

/** The link of a lesson's part, by the lesson's id. */
export function lessonLink(id: string, part = 0): string {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson.parts[part]!.link;
}

/**
 * Trains the runs of `link` for `steps` steps (at most the run's length) on `data`. `stats` are the
 * whole training set's pixel statistics, which 'standardize' uses whatever subset is trained on.
 */
export async function trainPart(
  data: MnistData,
  stats: PixelStats,
  link: string,
  steps: number,
  options: TrainOptions = {},
): Promise<RunTrace[]> {
  const { shared, runs: all } = experimentOf(link);
  const runs = options.runs ? options.runs.map((i) => all[i]!) : all;
  const internals = options.internals ?? false;
  const batches = makeBatches(data, shared, stats);
  const trainers = runs.map(
    (r) => new Trainer(data, { ...shared, settings: r.initial, internals }, stats, {}, batches),
  );
  const traces: RunTrace[] = runs.map((r, i) => ({
    name: r.name,
    points: [],
    internals: [],
    stepsPerEpoch: trainers[i]!.stepsPerEpoch,
    totalSteps: trainers[i]!.totalSteps,
  }));
  const flush = async () => {
    for (const [i, t] of trainers.entries()) {
      const records = await t.flush();
      traces[i]!.points.push(...records.points);
      traces[i]!.internals.push(...records.internals);
    }
  };
  try {
    const last = Math.min(steps, trainers[0]?.totalSteps ?? 0);
    for (let step = 1; step <= last; step++) {
      runs.forEach((r, i) => {
        for (const e of r.timeline) if (e.step === step) trainers[i]!.applyChange(e);
        trainers[i]!.trainStep();
      });
      if (options.afterStep) await options.afterStep(step, trainers);
      if (step % 50 === 0) await flush();
    }
    await flush();
    if (options.validate)
      for (const [i, t] of trainers.entries()) {
        const { loss, accuracy } = await t.evaluate('validation');
        traces[i]!.validation = { loss, accuracy };
      }
  } finally {
    for (const t of trainers) t.dispose();
    batches.dispose();
  }
  return traces;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, x) => a + x, 0) / xs.length;
}

/** The losses of steps `from`…`to` (1-based, inclusive). */
export function losses(trace: RunTrace, from = 1, to = Infinity): number[] {
  return trace.points.filter((p) => p.step >= from && p.step <= to).map((p) => p.loss);
}

/** The loss of step `step`. */
export function lossAt(trace: RunTrace, step: number): number {
  const point = trace.points.find((p) => p.step === step);
  if (!point) throw new Error(`${trace.name} recorded no loss at step ${step}`);
  return point.loss;
}

/** Mean loss of steps `from`…`to`. */
export function meanLoss(trace: RunTrace, from: number, to: number): number {
  return mean(losses(trace, from, to));
}

/** One layer's instrument at `step` (recorded on the cadence of isInternalsStep). */
export function instrument(trace: RunTrace, step: number, layer: string, key: keyof LayerInternals): number {
  const value = trace.internals.find((p) => p.step === step)?.layers[layer]?.[key];
  if (value === undefined) throw new Error(`${trace.name} recorded no ${key} of ${layer} at step ${step}`);
  return value;
}

/** The steps in from…to that recorded instruments (every step up to 50, then every 10th). */
export function recorded(trace: RunTrace, from: number, to: number): number[] {
  return trace.internals.map((p) => p.step).filter((s) => s >= from && s <= to);
}

/** ‖Δθ‖ / ‖θ‖ of one layer at one step: the "Update / weight" quantity. */
export function updateRatio(trace: RunTrace, step: number, layer: string): number {
  return instrument(trace, step, layer, 'updateNorm') / instrument(trace, step, layer, 'weightNorm');
}

/**
 * An afterStep hook that records, per run, the largest |Δθ| any weight made in one step (from step 2,
 * comparing weight snapshots).
 */
export function largestMoves(): { moves: number[]; afterStep: NonNullable<TrainOptions['afterStep']> } {
  const moves: number[] = [];
  let before: Float32Array[][] = [];
  const afterStep = async (step: number, trainers: readonly Trainer[]) => {
    const now = await Promise.all(trainers.map((t) => t.model.snapshot()));
    now.forEach((weights, r) => {
      let most = moves[r] ?? 0;
      if (step > 1)
        weights.forEach((w, k) => {
          const old = before[r]![k]!;
          for (let i = 0; i < w.length; i++) most = Math.max(most, Math.abs(w[i]! - old[i]!));
        });
      moves[r] = most;
    });
    before = now;
  };
  return { moves, afterStep };
}

/**
 * Per weight, the mean g² of the last `window` steps against the mean g² of all `t` steps, from Adam's
 * uncorrected second moment at steps t − window and t (v_t − β2^window·v_{t−window} is (1 − β2) times the
 * β2-weighted sum of the recent g²); the median over the weights.
 */
export function medianRecentShare(
  vBefore: Float32Array,
  vNow: Float32Array,
  beta2: number,
  window: number,
  t: number,
): number {
  const recentWeights = (1 - beta2 ** window) / (1 - beta2);
  const shares = Array.from(vNow, (v, k) => {
    const recent = (v - beta2 ** window * vBefore[k]!) / (1 - beta2) / recentWeights;
    return recent / (v / (1 - beta2 ** t));
  })
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return shares[Math.floor(shares.length / 2)]!;
}

/** Mean absolute change of the loss from one step to the next: how jumpy a curve is. */
export function jumpiness(xs: readonly number[]): number {
  return mean(xs.slice(1).map((x, i) => Math.abs(x - xs[i]!)));
}

export const fmt = (x: number): string => x.toPrecision(3);

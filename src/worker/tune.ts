// The Tune panel's jobs in the worker (src/tune): a learning-rate range test, or a random search whose
// trials train four at a time on one set of batches (like a run's lanes) and are then validated. Own
// Trainers on the worker's MNIST, stepped in short chunks with a yield between them, so a cancel gets
// through within one chunk; everything a job makes is disposed however it ends. Talks only through
// `emit`, so Node tests drive it directly.
import * as tf from '@tensorflow/tfjs-core';
import { isComplete, trainingStats, type MnistData } from '../engine/mnist';
import { Trainer, type TrainerKernels } from '../engine/trainer';
import { makeBatches } from '../engine/batches';
import {
  assertNever,
  type TuneCommand,
  type TuneJob,
  type TuneOutcome,
  type TuneUpdate,
  type WorkerEvent,
} from '../protocol';
import { isDiverged } from '../shared/metrics';
import type { RunSettings, SharedSettings } from '../shared/settings';
import { MAX_RANGE_STEPS, MIN_RANGE_STEPS, RangeCurve, rangeRate } from '../tune/rangeTest';
import { TRIAL_STEPS } from '../tune/sampler';
import { trainInChunks, type ChunkClock } from './chunks';

/** Trials trained side by side on the same batches, as a run's lanes. */
export const TRIALS_AT_ONCE = 4;
/** The range test reads back at least this often, so it stops within a few steps of its stop rule. */
const RANGE_CHUNK_STEPS = 16;
const SEARCH_CHUNK_STEPS = 64;
/** A trial's training loss is the mean batch loss of its last this many steps. */
const TRAIN_LOSS_STEPS = 10;

/** The worker's data and backend fast paths, once all of MNIST is there (a search validates on it). */
export interface TuneData {
  data: MnistData;
  kernels: TrainerKernels;
}

export interface TunerOptions {
  now?: () => number;
  /** Lets other messages through between chunks (a macrotask in the worker). */
  yieldToEvents?: () => Promise<void>;
}

interface Job {
  id: number;
  cancelled: boolean;
}

/** Thrown at a chunk boundary once the job is cancelled; the `finally`s free what it made. */
class Cancelled extends Error {}

const clampInt = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n) || lo));

export class Tuner {
  private current: Job | null = null;
  /** Jobs run one after another: a new one starts once the cancelled one has freed its tensors. */
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly yieldToEvents: () => Promise<void>;

  constructor(
    private readonly emit: (e: WorkerEvent) => void,
    /** The data to tune on, or null while MNIST is still arriving. */
    private readonly source: () => TuneData | null,
    options: TunerOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.yieldToEvents = options.yieldToEvents ?? (() => new Promise((r) => setTimeout(r, 0)));
  }

  handle(cmd: TuneCommand): void {
    switch (cmd.type) {
      case 'tune': {
        if (this.current) this.current.cancelled = true;
        const job: Job = { id: cmd.jobId, cancelled: false };
        this.current = job;
        this.queue = this.queue.then(() => this.run(job, cmd.shared, cmd.job));
        break;
      }
      case 'cancelTune':
        if (this.current?.id === cmd.jobId) this.current.cancelled = true;
        break;
      default:
        assertNever(cmd);
    }
  }

  /** Resolves once every job asked for so far has ended. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async run(job: Job, shared: SharedSettings, spec: TuneJob): Promise<void> {
    const tensorsBefore = tf.memory().numTensors;
    const send = (update: TuneUpdate) => this.emit({ type: 'tune', jobId: job.id, update });
    let outcome: TuneOutcome = 'done';
    let message: string | undefined;
    try {
      this.check(job);
      const source = this.source();
      if (!source || !isComplete(source.data)) throw new Error('MNIST has not fully arrived yet');
      if (spec.kind === 'rangeTest') await this.rangeTest(job, shared, spec, source, send);
      else await this.search(job, shared, spec, source, send);
    } catch (e) {
      if (e instanceof Cancelled) outcome = 'cancelled';
      else [outcome, message] = ['error', (e as Error).message];
    }
    const tensorsAfter = tf.memory().numTensors;
    send({ kind: 'ended', outcome, ...(message ? { message } : {}), tensorsBefore, tensorsAfter });
    if (this.current === job) this.current = null;
  }

  private check(job: Job): void {
    if (job.cancelled) throw new Cancelled();
  }

  private clock(job: Job): ChunkClock {
    return { now: this.now, yieldToEvents: this.yieldToEvents, check: () => this.check(job) };
  }

  /**
   * Trainers for `settings` from the seed's initial weights on one set of batches (as many epochs as
   * `steps` needs), handed to `body`, and all disposed after it, whether it finished, threw or was cancelled.
   */
  private async withTrainers(
    { data, kernels }: TuneData,
    shared: SharedSettings,
    steps: number,
    settings: readonly RunSettings[],
    body: (trainers: Trainer[]) => Promise<void>,
  ): Promise<void> {
    const stats = trainingStats(data);
    const batches = makeBatches(data, shared, stats, kernels);
    const trainers: Trainer[] = [];
    try {
      const epochs = Math.ceil(steps / batches.stepsPerEpoch);
      for (const s of settings) {
        const config = { ...shared, epochs, settings: s, internals: false };
        trainers.push(new Trainer(data, config, stats, kernels, batches));
      }
      await body(trainers);
    } finally {
      for (const t of trainers) t.dispose();
      batches.dispose();
    }
  }

  /** η_k for every step k, set just before it; the points go out as read back until the stop rule ends it. */
  private async rangeTest(
    job: Job,
    shared: SharedSettings,
    spec: Extract<TuneJob, { kind: 'rangeTest' }>,
    source: TuneData,
    send: (u: TuneUpdate) => void,
  ): Promise<void> {
    const steps = clampInt(spec.steps, MIN_RANGE_STEPS, MAX_RANGE_STEPS);
    const settings = { ...spec.settings, learningRate: rangeRate(0, steps) };
    await this.withTrainers(source, shared, steps, [settings], async ([trainer]) => {
      const t = trainer!;
      const curve = new RangeCurve(steps);
      await trainInChunks(this.clock(job), RANGE_CHUNK_STEPS, {
        // The stop is seen a chunk late (its steps were read back meanwhile): what trained after it is dropped.
        left: () => (curve.stopped ? 0 : steps - t.step),
        queue: (n) => {
          for (let i = 0; i < n; i++) {
            t.applyChange({ key: 'learningRate', value: rangeRate(t.step, steps) });
            t.trainStep();
          }
          return t.flushMetrics();
        },
        read: (records) => {
          const points = records.flatMap((p) => curve.add(p.step, p.loss) ?? []);
          if (points.length > 0) send({ kind: 'range', points });
        },
      });
    });
  }

  /** Groups of up to TRIALS_AT_ONCE trials, each group on its own batches (the same for every group). */
  private async search(
    job: Job,
    shared: SharedSettings,
    spec: Extract<TuneJob, { kind: 'search' }>,
    source: TuneData,
    send: (u: TuneUpdate) => void,
  ): Promise<void> {
    const steps = clampInt(spec.steps, TRIAL_STEPS.min, TRIAL_STEPS.max);
    for (let first = 0; first < spec.trials.length; first += TRIALS_AT_ONCE) {
      const group = spec.trials.slice(first, first + TRIALS_AT_ONCE);
      await this.withTrainers(source, shared, steps, group, async (trainers) => {
        const lanes = trainers.map((trainer) => ({
          trainer,
          recent: [] as number[],
          divergedAt: null as number | null,
        }));
        let queued = 0;
        await trainInChunks(this.clock(job), SEARCH_CHUNK_STEPS, {
          left: () => (lanes.some((l) => l.divergedAt === null) ? steps - queued : 0),
          queue: (n) => {
            for (let i = 0; i < n; i++)
              // A diverged trial keeps the batch order in step with the others, without training.
              for (const l of lanes) {
                if (l.divergedAt === null) l.trainer.trainStep();
                else l.trainer.skipStep();
              }
            queued += n;
            return Promise.all(lanes.map((l) => l.trainer.flushMetrics()));
          },
          read: (records) => {
            lanes.forEach((l, i) => {
              for (const p of records[i]!) {
                if (l.divergedAt !== null) break;
                if (isDiverged(p.loss)) l.divergedAt = p.step;
                l.recent = [...l.recent, p.loss].slice(-TRAIN_LOSS_STEPS);
              }
            });
            const step = Math.max(...records.map((r) => r.at(-1)?.step ?? 0));
            send({ kind: 'search', firstTrial: first, trialCount: group.length, step });
          },
        });
        for (const [i, l] of lanes.entries()) {
          const v = l.divergedAt === null ? await l.trainer.evaluate('validation') : null;
          this.check(job);
          const trainLoss = l.recent.reduce((a, b) => a + b, 0) / Math.max(1, l.recent.length);
          const validation = v && { loss: v.loss, accuracy: v.accuracy };
          send({
            kind: 'trial',
            result: { trial: first + i, trainLoss, validation, divergedAt: l.divergedAt },
          });
        }
      });
    }
  }
}

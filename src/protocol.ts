// The whole wire format between the page and the training worker: plain data only, no tensors.
// Every worker event carries the run id (bumped by each Reset) it belongs to; the client drops stale
// ones. A run trains up to four lanes side by side: same data, seed and batch order, own optimizer.
import type { RunCheckpoint } from './shared/checkpoint';
import type { InternalsPoint } from './shared/internals';
import type { EvalSplit, MetricPoint } from './shared/metrics';
import type { PoolHistory } from './shared/pool';
import type { TracePoint, TraceTarget } from './shared/trace';
import type { LiveChange, RunSettings, SharedSettings, TimelineEntry } from './shared/settings';

export interface LaneSetup {
  lane: string;
  /** Settings at step 1. */
  initial: RunSettings;
  /** Recorded changes to replay, each just before its step. */
  timeline: TimelineEntry[];
}

export type Command =
  /** `testHooks`: obey `testHook` commands (browser tests only; off in normal use). */
  | { type: 'init'; baseUrl: string; softwareWebgl: boolean; testHooks: boolean }
  /**
   * `restore`: carry on from this checkpoint of the same run (after the GPU or the worker was lost).
   * `pool`: the training pool the run recorded while MNIST arrived (`pool` events), replayed exactly;
   * the worker holds the reset until that many images have arrived again.
   */
  | {
      type: 'reset';
      runId: number;
      shared: SharedSettings;
      lanes: LaneSetup[];
      restore?: RunCheckpoint;
      pool?: PoolHistory;
    }
  | { type: 'start'; runId: number }
  | { type: 'pause'; runId: number }
  | { type: 'step'; runId: number }
  | { type: 'change'; runId: number; lane: string; changeId: number; change: LiveChange }
  /** Follow this output weight in every lane (each run starts following the largest |g|). */
  | { type: 'follow'; runId: number; target: TraceTarget }
  /** Someone is using the page's controls: queue less GPU work so its frames are not kept waiting. */
  | { type: 'interaction'; active: boolean }
  /** Load the MNIST files still missing after `downloadFailed` (Retry); ignored while loading or loaded. */
  | { type: 'retryLoad' }
  /** Forces a failure so browser tests can check recovery; ignored unless init set `testHooks`. */
  | { type: 'testHook'; action: TestHookAction }
  /** A question about a lane's current weights; its answer carries `requestId` back. */
  | (InsightRequest & { runId: number; requestId: number });

/** What the model learned (src/insight): questions answered from one lane's weights as they are now. */
export type InsightRequest =
  /** Its predictions on the whole test set: the confusion matrix and up to `limit` digits (of `cell` only). */
  | { type: 'predict'; images: 'test'; lane: string; cell: ConfusionCell | null; limit: number }
  /**
   * Its predictions on the training images the data lever gave a wrong label (shared labelNoise): how
   * many it answers with that label or with the true digit, and the first `limit` of them.
   */
  | { type: 'predict'; images: 'mislabelled'; lane: string; limit: number }
  /** Its ten class probabilities for one image of raw bytes (IMAGE_PIXELS of 0–255): a drawn digit. */
  | { type: 'classify'; lane: string; pixels: Uint8Array };

/** A cell of the confusion matrix: test digits labelled `label` that the network took for `predicted`. */
export interface ConfusionCell {
  label: number;
  predicted: number;
}

/** One test digit as the network saw it. */
export interface PredictedDigit {
  /** Its index in the test set. */
  index: number;
  label: number;
  predicted: number;
  /** The predicted class's probability. */
  confidence: number;
}

/** One training image whose label was made wrong: `index` is in the training split, `label` its true digit. */
export interface MislabelledDigit extends PredictedDigit {
  /** The wrong label the model is trained on. */
  given: number;
}

export type Predictions =
  | {
      kind: 'ready';
      /** The lane's step whose weights answered. */
      step: number;
      /** Counts [label × NUM_CLASSES + predicted] over the whole test set. */
      confusion: number[];
      /** Mistakes first (most confident first), then correct ones in test-set order. */
      digits: PredictedDigit[];
      /** Their raw 28×28 bytes, IMAGE_PIXELS per digit in `digits` order. */
      images: Uint8Array;
      /** Test digits that match `cell` (the whole test set when none): `digits` are the first of them. */
      matching: number;
      cell: ConfusionCell | null;
      /** Training images of the run with a wrong label (label noise; 0 without): asked for apart. */
      mislabelled: number;
    }
  /** The answer to `images: 'mislabelled'`. */
  | {
      kind: 'mislabelled';
      step: number;
      /** Training images with a wrong label, all of them predicted. */
      total: number;
      /** Of those, predicted as the wrong label they were taught (memorised). */
      memorised: number;
      /** Of those, predicted as their true digit. */
      trueDigit: number;
      /** The first of them in training-set order (a seeded sample, the same at every step). */
      digits: MislabelledDigit[];
      /** Their raw 28×28 bytes, IMAGE_PIXELS per digit in `digits` order. */
      images: Uint8Array;
    }
  /** The images asked about have not arrived yet (MNIST streams in). */
  | { kind: 'waiting' }
  /** The run has no such lane (it was added after the last Reset). */
  | { kind: 'noLane' };

export type TestHookAction = 'loseContext' | 'crash';

/** `error`: the run could not be set up (its message says why); nothing can resume it. */
export type RunState = 'idle' | 'running' | 'paused' | 'finished' | 'diverged' | 'error';

export interface BackendInfo {
  backend: 'webgl' | 'cpu';
  renderer: string;
  float32: boolean;
  /** Why WebGL is not used, when it is not. */
  fallbackReason?: string;
}

/** How often the worker says it is alive (WorkerEvent `alive`). */
export const ALIVE_MS = 2000;

export type WorkerEvent =
  /**
   * Every ALIVE_MS while the worker's thread is free: it may be waiting on the device for a long pass
   * (a CNN's evaluation on a slow GPU), which is not being stuck.
   */
  | { type: 'alive' }
  | { type: 'backend'; info: BackendInfo }
  /** Compressed bytes of MNIST received so far, until all has arrived (also while training on part of it). */
  | { type: 'loading'; loadedBytes: number; totalBytes: number }
  /** Enough of MNIST is in to train (the labels and the first training images); more may follow (`arrived`). */
  | {
      type: 'loaded';
      trainCount: number;
      validationCount: number;
      testCount: number;
      /** GPU memory the uploaded MNIST holds (0 on the CPU backend). */
      gpuDataBytes: number;
    }
  /**
   * More of MNIST was checked and is in use: training draws from the first `trainArrived` of
   * `trainCount` images; evaluation waits for its split. Sent after each file, the last with all true.
   */
  | { type: 'arrived'; trainArrived: number; trainCount: number; validation: boolean; test: boolean }
  /** From `step` on, the run's batches draw from the first `images` training images (the rest was still arriving). */
  | { type: 'pool'; runId: number; step: number; images: number }
  /** A data file failed to download; the worker tries it again (retry `attempt`, from 1) in `inMs`. */
  | { type: 'downloadRetry'; file: string; attempt: number; inMs: number; message: string }
  /** A data file could not be downloaded even after the retries; `retryLoad` carries on from it. */
  | { type: 'downloadFailed'; file: string; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'state'; runId: number; state: RunState; step: number; message?: string }
  | {
      type: 'metrics';
      runId: number;
      /**
       * `internals`: the optimizer's instruments at the steps among `points` that record them; `trace`:
       * the followed weight at the latest of those steps (and at a single Step).
       */
      lanes: { lane: string; points: MetricPoint[]; internals: InternalsPoint[]; trace?: TracePoint }[];
      stepsPerEpoch: number;
      totalSteps: number;
      /** Samples these points trained, all lanes together (steps × lanes still training × batch). */
      samples: number;
      /** Time spent training (running, not paused) in this run. */
      trainingMs: number;
    }
  | {
      type: 'eval';
      runId: number;
      lane: string;
      /** `train`: the whole (small) training set, with dropout off, at a validation point. */
      split: EvalSplit | 'train';
      step: number;
      loss: number;
      accuracy: number;
      /** `train` with label noise: against the true labels. */
      trueLoss?: number;
      trueAccuracy?: number;
    }
  /** A live change took effect: `step` is the first step that used it. Replayed ones have changeId −1. */
  | { type: 'applied'; runId: number; lane: string; changeId: number; step: number; change: LiveChange }
  | { type: 'rejected'; runId: number; lane: string; changeId: number; message: string }
  /** The run's state so far, taken every few seconds of training and on pause: the page keeps the latest. */
  | { type: 'checkpoint'; runId: number; checkpoint: RunCheckpoint }
  /** After each validation: tensors and bytes TensorFlow.js holds (GPU bytes on WebGL), to spot leaks. */
  | { type: 'memory'; runId: number; step: number; tensors: number; bytes: number; gpuBytes: number | null }
  /** The GPU context was lost: this worker can no longer train; the page restarts it from a checkpoint. */
  | { type: 'gpuLost'; step: number }
  /** One lane stopped (its loss diverged) while the others go on. */
  | { type: 'laneStopped'; runId: number; lane: string; step: number; message: string }
  | { type: 'predictions'; runId: number; lane: string; requestId: number; result: Predictions }
  /** How far the pass answering `requestId` has gone: `done` of `total` images asked about, after each piece. */
  | { type: 'predicting'; runId: number; lane: string; requestId: number; done: number; total: number }
  /** `probabilities`: the ten classes' for the drawn digit; null when the run has no such lane. */
  | {
      type: 'classified';
      runId: number;
      lane: string;
      requestId: number;
      step: number;
      probabilities: number[] | null;
    }
  /** News of a Tune panel job (src/tune); the page drops those of a job it no longer waits for. */
  | { type: 'tune'; jobId: number; update: TuneUpdate };

/** The worker's answers to insight requests. */
export type InsightEvent = Extract<WorkerEvent, { type: 'predictions' | 'predicting' | 'classified' }>;

/** For exhaustive switches: a compile error names the unhandled case. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}

/**
 * The Tune panel's commands (src/tune, run by worker/tune.ts). Not members of Command: they are not
 * about the run, and the Runner takes every Command but the worker's own (runner.ts RunCommand).
 */
export type TuneCommand =
  /** Runs `job` on all of MNIST with `shared`'s data, batches and initial weights; an earlier job is cancelled. */
  | { type: 'tune'; jobId: number; shared: SharedSettings; job: TuneJob }
  | { type: 'cancelTune'; jobId: number };

export type TuneJob =
  /** The learning-rate range test from `settings`: η from 1e-6 to 10 over `steps` steps (tune/rangeTest.ts). */
  | { kind: 'rangeTest'; settings: RunSettings; steps: number }
  /** Each trial trains `steps` steps from the seed's weights, four at a time on the same batches, then validates. */
  | { kind: 'search'; trials: RunSettings[]; steps: number };

/** One step of a range test: the η it trained with, its batch loss, and the smoothed loss so far. */
export interface RangePoint {
  step: number;
  learningRate: number;
  loss: number;
  smoothed: number;
}

/** Where a search's trial ended up. */
export interface TrialResult {
  /** Its index in the job's `trials`. */
  trial: number;
  /** Mean batch loss of its last steps (not finite once it diverged). */
  trainLoss: number;
  /** On the whole validation split after its last step; null when it diverged. */
  validation: { loss: number; accuracy: number } | null;
  /** The step its loss diverged at (it trained no further), or null. */
  divergedAt: number | null;
}

export type TuneOutcome = 'done' | 'cancelled' | 'error';

export type TuneUpdate =
  /** Range test: the points read back since the last update (a stopped test sends no more). */
  | { kind: 'range'; points: RangePoint[] }
  /** Search: trials `firstTrial`… (`trialCount` of them, side by side) have trained `step` steps. */
  | { kind: 'search'; firstTrial: number; trialCount: number; step: number }
  | { kind: 'trial'; result: TrialResult }
  /**
   * The job is over: finished (a range test also when its loss ran away), cancelled, or failed
   * (`message` says why). Tensors TensorFlow.js held before and after it: equal unless it leaked.
   */
  | { kind: 'ended'; outcome: TuneOutcome; message?: string; tensorsBefore: number; tensorsAfter: number };

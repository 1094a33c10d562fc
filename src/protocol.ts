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
  | { type: 'testHook'; action: TestHookAction };

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

export type WorkerEvent =
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
      /** Training samples per second over the last reporting window, all lanes together. */
      samplesPerSec: number;
      /** Time spent training (running, not paused) in this run. */
      trainingMs: number;
    }
  | {
      type: 'eval';
      runId: number;
      lane: string;
      split: EvalSplit;
      step: number;
      loss: number;
      accuracy: number;
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
  | { type: 'laneStopped'; runId: number; lane: string; step: number; message: string };

/** For exhaustive switches: a compile error names the unhandled case. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}

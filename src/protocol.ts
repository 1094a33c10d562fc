// The whole wire format between the page and the training worker: plain data only, no tensors.
// Every worker event carries the run id it belongs to; the client drops events of stale runs.
import type { HyperParams, OptimizerName } from './engine/optimizers';
import type { Preprocessing } from './engine/preprocess';

/** Settings fixed for a run; changing one needs a Reset. */
export interface RunSetup {
  optimizer: OptimizerName;
  hyper: HyperParams;
  batchSize: number;
  epochs: number;
  preprocessing: Preprocessing;
  seed: number;
}

export type LiveChange =
  | { kind: 'hyper'; changes: Partial<HyperParams> }
  | { kind: 'optimizer'; optimizer: OptimizerName };

export type Command =
  | { type: 'init'; baseUrl: string; softwareWebgl: boolean }
  | { type: 'reset'; runId: number; setup: RunSetup }
  | { type: 'start'; runId: number }
  | { type: 'pause'; runId: number }
  | { type: 'step'; runId: number }
  | { type: 'change'; runId: number; changeId: number; change: LiveChange };

export type RunState = 'idle' | 'running' | 'paused' | 'finished' | 'diverged';

export interface BackendInfo {
  backend: 'webgl' | 'cpu';
  renderer: string;
  float32: boolean;
  /** Why WebGL is not used, when it is not. */
  fallbackReason?: string;
}

export interface MetricPoint {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
}

export type WorkerEvent =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'loading'; loadedBytes: number; totalBytes: number }
  | { type: 'loaded'; trainCount: number; validationCount: number; testCount: number }
  | { type: 'fatal'; message: string }
  | { type: 'state'; runId: number; state: RunState; step: number; message?: string }
  | {
      type: 'metrics';
      runId: number;
      points: MetricPoint[];
      stepsPerEpoch: number;
      totalSteps: number;
      /** Training samples per second over the last reporting window. */
      samplesPerSec: number;
      /** Time spent training (running, not paused) in this run. */
      trainingMs: number;
    }
  | { type: 'eval'; runId: number; split: 'validation' | 'test'; step: number; loss: number; accuracy: number }
  /** A live change took effect: `step` is the first step that used it. */
  | { type: 'applied'; runId: number; changeId: number; step: number; change: LiveChange }
  | { type: 'rejected'; runId: number; changeId: number; message: string };

/** For exhaustive switches: a compile error names the unhandled case. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}

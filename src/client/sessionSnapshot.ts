// The shape of what the session publishes to the page (SessionSnapshot) and of one lane's records,
// and the empty run a Reset starts from. Types and one constructor; session.ts fills them from events.
import type { BackendInfo, RunState } from '../protocol';
import { InternalsColumns, type InternalsPoints } from '../shared/internalsColumns';
import type { TracePoint } from '../shared/trace';
import type { EvalPoint, TrainingEval } from '../shared/metrics';
import { PointColumns, type MetricPoints } from '../shared/pointColumns';

/** What one lane (one run of the comparison) has recorded. */
export interface LaneData {
  /** Columns in the session (PointColumns); any MetricPoints where a test builds a lane by hand. */
  points: MetricPoints;
  /**
   * The optimizer's instruments, at steps 1…50 and every 10th after (shared/internals.ts): columns in
   * the session (InternalsColumns); any InternalsPoints where a test builds a lane by hand.
   */
  internals: InternalsPoints;
  /** The followed output weight at the latest step that traced it. */
  trace: TracePoint | null;
  validation: EvalPoint[];
  test: EvalPoint | null;
  /**
   * The whole training set at the validation points, when it is small enough (TrainingEval); empty
   * otherwise. Optional for lanes built by hand (tests, kept runs).
   */
  training?: TrainingEval[];
  /** Why this lane stopped while others go on (divergence), if it did. */
  stopped: string | null;
}

/** Why publishing is held back: a hidden tab, or a control being dragged. */
export type HoldReason = 'hidden' | 'interacting';

/** A failure the page recovered from: the run went on from `resumedFrom` in a new worker. */
export interface Recovery {
  kind: 'gpu' | 'crash' | 'silent';
  /** The step reached when it happened. */
  lostAt: number;
  /** The checkpoint's step: training from here on was redone. */
  resumedFrom: number;
  why: string;
}

/** A data file that failed to download: being retried by the worker, or given up on until Retry. */
export type DownloadProblem =
  | { kind: 'retrying'; file: string; attempt: number; inMs: number; message: string }
  | { kind: 'failed'; file: string; message: string };

export interface SessionSnapshot {
  /** Bumps on every publish; charts use it to notice appended points. */
  version: number;
  backend: BackendInfo | null;
  /** Download progress, until all of MNIST is in (it goes on after dataReady: the rest streams in). */
  loading: { loadedBytes: number; totalBytes: number } | null;
  /** Enough of MNIST is in to train (the first training images): Start may be pressed. */
  dataReady: boolean;
  /**
   * Training images in use so far, of `trainCount` (55,000): while `arrivedTrain < trainCount` runs
   * train on the first `arrivedTrain` and the rest is arriving. 0 until the first ones are in.
   */
  arrivedTrain: number;
  trainCount: number;
  /** Every MNIST file is in, the validation and test images included (evaluation no longer waits). */
  dataComplete: boolean;
  /** The last download trouble while loading MNIST; cleared when the data is loaded or loading restarts. */
  download: DownloadProblem | null;
  fatal: string | null;
  runId: number;
  state: RunState;
  message: string | null;
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  samplesPerSec: number;
  trainingMs: number;
  lanes: Record<string, LaneData>;
  /** The worker's reason for the last refused change. */
  lastRejected: string | null;
  /** Failures of this run the page recovered from, oldest first. */
  recoveries: Recovery[];
  /** What the worker's TensorFlow.js held at the last validation (for leak checks, shown nowhere). */
  workerMemory: { step: number; tensors: number; bytes: number; gpuBytes: number | null } | null;
}

export type RunPart = Pick<
  SessionSnapshot,
  | 'runId'
  | 'state'
  | 'message'
  | 'step'
  | 'stepsPerEpoch'
  | 'totalSteps'
  | 'samplesPerSec'
  | 'trainingMs'
  | 'lanes'
  | 'lastRejected'
  | 'recoveries'
>;

export function emptyRun(runId: number, lanes: readonly string[]): RunPart {
  return {
    runId,
    state: 'idle',
    message: null,
    step: 0,
    stepsPerEpoch: 0,
    totalSteps: 0,
    samplesPerSec: 0,
    trainingMs: 0,
    lanes: Object.fromEntries(
      lanes.map((k) => [
        k,
        {
          points: new PointColumns(),
          internals: new InternalsColumns(),
          trace: null,
          validation: [],
          training: [],
          test: null,
          stopped: null,
        },
      ]),
    ),
    lastRejected: null,
    recoveries: [],
  };
}

// Shared shapes of the training bench: one job (what to train and how to measure it), one run's result,
// and the messages between the bench worker and the bench page. Plain data only.
import type { ModelName } from '../../src/shared/model';
import type { OptimizerName } from '../../src/shared/settings';

/**
 * 'profile': ours, timed part by part (`--profile`); 'insight': the training pause of predictions
 * (`--insight`); 'optimizers': every optimizer's step time, interleaved (`--optimizers-only`);
 * 'dropout': the step time with dropout against without, interleaved (`--dropout-only`).
 */
export type Impl = 'ours' | 'peer' | 'profile' | 'insight' | 'optimizers' | 'dropout';

export interface Job {
  /** Label used in logs, e.g. "ours-adam/32#1". */
  id: string;
  impl: Impl;
  /** Ours only ('peer' always uses tf.train.adam). */
  optimizer: 'adam' | 'sgd';
  /** The network both train (ReLU hidden layers); absent: the reference `mlp-128`. */
  model?: ModelName;
  batchSize: number;
  /** 'epoch': train `epochs` full epochs and evaluate on the test set; 'window': time-boxed. */
  mode: 'epoch' | 'window';
  epochs: number;
  /** Steps run before the clock starts (shader compilation, texture allocation). */
  warmupSteps: number;
  /** Length of the measured window in 'window' mode. */
  windowMs: number;
  /** Ours, 'epoch' mode: keep training a fresh run after the end until the tensor count spans this many steps. */
  minLeakSteps: number;
  softwareWebgl: boolean;
  /** Ours: runs racing in one comparison (same batches, one lane each); samples/s is per run. */
  lanes?: number;
  /** Ours: each lane's optimizer, as the page's comparison trains them (default: `optimizer` for all). */
  laneOptimizers?: readonly ('adam' | 'sgd' | 'momentum')[];
  /** Ours with one feature turned off, to measure what it costs or buys (`--ablations`). */
  ablation?: Ablation;
}

/**
 * 'host-batches': batches uploaded from the host, not gathered on the GPU; 'no-checkpoints': none while
 * training; 'no-internals': the optimizer's instruments not recorded (what they cost).
 */
export type Ablation = 'host-batches' | 'no-checkpoints' | 'no-internals';

export interface RunResult {
  id: string;
  impl: Impl;
  optimizer: string;
  model: ModelName;
  batchSize: number;
  mode: Job['mode'];
  renderer: string;
  /** Training steps inside the measured window, and its wall-clock length. */
  steps: number;
  ms: number;
  samplesPerSec: number;
  msPerStep: number;
  /** Kernels of one training step: those tf.profile records plus our own WebGL programs it cannot see. */
  kernelsPerStep: number;
  /** Of those, launches of our own WebGL programs (src/engine/webgl). */
  ownProgramsPerStep: number;
  /** WebGL programs run per step inside the window (includes periodic evaluation for ours). */
  glProgramsPerStep: number | null;
  /** backend.readSync calls inside the window (blocking GPU → CPU reads). */
  readSyncs: number;
  readSyncsPerStep: number;
  tensorsBefore: number;
  tensorsAfter: number;
  tensorGrowth: number;
  /** Steps between the two tensor counts. */
  tensorSteps: number;
  testAccuracy: number | null;
  epochsTrained: number | null;
  /** Backend start + MNIST download/verify in the worker. */
  loadMs: number;
  /** Everything the job did in the worker after loading. */
  totalMs: number;
  /** GPU memory held by MNIST uploaded for batch gathering (ours on WebGL; 0 otherwise). */
  gpuDataBytes: number;
  /** Runs trained side by side (ours; 1 for the peer). */
  lanes: number;
  /** The feature turned off in this run, if any. */
  ablation: Ablation | null;
  /** 'profile' and 'insight' jobs: milliseconds of each part. */
  breakdown?: Record<string, number>;
  /** 'optimizers' jobs: each optimizer's step times. */
  optimizerSteps?: OptimizerStepTime[];
  /** 'dropout' jobs: each network and rate's step times. */
  dropoutSteps?: DropoutStepTime[];
}

/** One optimizer (and weight decay) in the interleaved step-time comparison. */
export interface OptimizerStepTime {
  label: string;
  optimizer: OptimizerName;
  weightDecay: number;
  /** Milliseconds per step of each round's block (instruments on their cadence, the readback included). */
  roundsMs: number[];
  /** Milliseconds of one update of all weights by the optimizer alone (no instruments), per round. */
  updateMs: number[];
  /** WebGL programs one step without instruments launches, and of those our own (src/engine/webgl). */
  programsPerStep: number;
  ownProgramsPerStep: number;
  /** The same for a step that records the instruments (1 in 10). */
  programsPerInstrumentStep: number;
}

/** One network at one dropout rate in the interleaved step-time comparison (Adam, batch 32). */
export interface DropoutStepTime {
  label: string;
  model: ModelName;
  /** p, the share of hidden units dropped (0: the plain pass). */
  dropout: number;
  /** Milliseconds per step of each round's block (instruments on their cadence, the readback included). */
  roundsMs: number[];
  /** Milliseconds of one backward pass alone (forward, masks, gradients; no update), per round. */
  backwardMs: number[];
  /** WebGL programs one step without instruments launches, and of those our own (src/engine/webgl). */
  programsPerStep: number;
  ownProgramsPerStep: number;
  /** The same for a step that records the instruments (1 in 10). */
  programsPerInstrumentStep: number;
}

export interface WorkerRequest {
  job: Job;
  baseUrl: string;
}

export type WorkerReply =
  { type: 'log'; text: string } | { type: 'result'; result: RunResult } | { type: 'error'; message: string };

/** The counts a timing-only job (profile, insight) does not take. */
export const NOT_COUNTED = {
  kernelsPerStep: 0,
  ownProgramsPerStep: 0,
  glProgramsPerStep: null,
  readSyncs: 0,
  readSyncsPerStep: 0,
  tensorsBefore: 0,
  tensorsAfter: 0,
  tensorGrowth: 0,
  tensorSteps: 0,
  testAccuracy: null,
  epochsTrained: null,
} satisfies Partial<RunResult>;

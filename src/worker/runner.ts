// Schedules training in short chunks so control messages are handled between them, and turns the
// trainer's numbers into protocol events. Talks only through `emit`, so Node tests drive it directly.
import type { MnistData } from '../engine/mnist';
import { pixelStats, type PixelStats } from '../engine/preprocess';
import { Trainer, type TrainerKernels } from '../engine/trainer';
import { assertNever, type Command, type RunState, type WorkerEvent } from '../protocol';

/** A chunk of steps plus its readback should take about this long: short enough to react, long enough to batch. */
const CHUNK_MS = 30;
const MAX_STEPS_PER_CHUNK = 256;
/** Validation passes per epoch (at least every this many steps, and at each epoch's end). */
const EVALS_PER_EPOCH = 5;
const VALIDATION_SUBSET = 5_000;
/**
 * Softmax cross-entropy over 10 classes starts near ln 10 ≈ 2.3. Our network rarely reaches a real NaN
 * (log-softmax is stable and exploded ReLUs die), so a loss this large counts as diverged too.
 */
const EXPLODED_LOSS = 1e6;

export interface RunnerOptions {
  now?: () => number;
  /** Lets other messages through between chunks (a macrotask in the worker). */
  yieldToEvents?: () => Promise<void>;
  /** Backend fast paths (fused WebGL programs); composed ops when absent. */
  kernels?: TrainerKernels;
}

export class Runner {
  private trainer: Trainer | null = null;
  private runId = 0;
  private state: RunState = 'idle';
  private loopActive = false;
  private stepsPerChunk = 1;
  private trainingMs = 0;
  private stats: PixelStats;
  private readonly now: () => number;
  private readonly yieldToEvents: () => Promise<void>;
  private readonly kernels: TrainerKernels;

  constructor(
    private readonly data: MnistData,
    private readonly emit: (e: WorkerEvent) => void,
    options: RunnerOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.yieldToEvents = options.yieldToEvents ?? (() => new Promise((r) => setTimeout(r, 0)));
    this.kernels = options.kernels ?? {};
    // Training-set statistics for 'standardize', computed once per page load (55,000 images).
    this.stats = pixelStats(data.train.images);
  }

  handle(cmd: Exclude<Command, { type: 'init' }>): void {
    if (cmd.type !== 'reset' && cmd.runId !== this.runId) return; // a command for a run that is gone
    switch (cmd.type) {
      case 'reset':
        this.reset(cmd.runId, cmd.setup);
        break;
      case 'start':
        if (this.trainer && (this.state === 'idle' || this.state === 'paused')) this.setState('running');
        void this.loop();
        break;
      case 'pause':
        if (this.state === 'running') this.setState('paused');
        break;
      case 'step':
        if (this.trainer && (this.state === 'idle' || this.state === 'paused')) void this.singleStep();
        break;
      case 'change':
        this.change(cmd);
        break;
      default:
        assertNever(cmd);
    }
  }

  private reset(runId: number, setup: Extract<Command, { type: 'reset' }>['setup']): void {
    this.trainer?.dispose();
    this.trainer = null;
    this.runId = runId;
    this.trainingMs = 0;
    this.stepsPerChunk = 1;
    try {
      this.trainer = new Trainer(
        this.data,
        { optimizer: setup.optimizer, hyper: setup.hyper, batchSize: setup.batchSize, epochs: setup.epochs, seed: setup.seed, preprocessing: setup.preprocessing },
        this.stats,
        this.kernels,
      );
      this.setState('idle');
    } catch (e) {
      this.setState('diverged', `Could not set up the run: ${(e as Error).message}`);
    }
  }

  private change(cmd: Extract<Command, { type: 'change' }>): void {
    const t = this.trainer;
    if (!t) return;
    try {
      if (cmd.change.kind === 'hyper') t.setHyperParams(cmd.change.changes);
      else t.setOptimizer(cmd.change.optimizer);
      this.emit({ type: 'applied', runId: this.runId, changeId: cmd.changeId, step: t.step + 1, change: cmd.change });
    } catch (e) {
      this.emit({ type: 'rejected', runId: this.runId, changeId: cmd.changeId, message: (e as Error).message });
    }
  }

  private setState(state: RunState, message?: string): void {
    this.state = state;
    this.emit({ type: 'state', runId: this.runId, state, step: this.trainer?.step ?? 0, ...(message ? { message } : {}) });
  }

  private get evalEvery(): number {
    const spe = this.trainer!.stepsPerEpoch;
    return Math.max(1, Math.ceil(spe / EVALS_PER_EPOCH));
  }

  private async singleStep(): Promise<void> {
    const t = this.trainer!;
    const start = this.now();
    t.trainStep();
    await this.report(t, this.runId, start, 1);
    if (t === this.trainer && this.state !== 'diverged') await this.afterSteps(t, this.runId);
  }

  /** One loop per run; it ends when the run is paused, finished, diverged or replaced. */
  private async loop(): Promise<void> {
    if (this.loopActive) return;
    this.loopActive = true;
    try {
      while (this.state === 'running' && this.trainer) {
        const t = this.trainer;
        const runId = this.runId;
        const start = this.now();
        let n = 0;
        const nextEval = (Math.floor(t.step / this.evalEvery) + 1) * this.evalEvery;
        while (n < this.stepsPerChunk && !t.done && t.step < nextEval) {
          t.trainStep();
          n++;
        }
        const elapsed = await this.report(t, runId, start, n);
        if (t !== this.trainer) continue; // reset while reading back
        // Aim the next chunk at CHUNK_MS: the readback above is what makes this a real GPU time.
        const scale = CHUNK_MS / Math.max(elapsed, 1);
        this.stepsPerChunk = Math.max(1, Math.min(MAX_STEPS_PER_CHUNK, Math.round(n * Math.min(scale, 2))));
        if ((this.state as RunState) === 'diverged') break; // report() may have changed it
        await this.afterSteps(t, runId);
        await this.yieldToEvents();
      }
    } finally {
      this.loopActive = false;
    }
  }

  /** Reads back pending metrics, posts them, and pauses on divergence. Returns the chunk's wall time. */
  private async report(t: Trainer, runId: number, start: number, steps: number): Promise<number> {
    const points = await t.flushMetrics();
    const elapsed = this.now() - start;
    if (runId !== this.runId) return elapsed;
    this.trainingMs += elapsed;
    this.emit({
      type: 'metrics',
      runId,
      points,
      stepsPerEpoch: t.stepsPerEpoch,
      totalSteps: t.totalSteps,
      samplesPerSec: (steps * t.config.batchSize * 1000) / Math.max(elapsed, 1e-3),
      trainingMs: this.trainingMs,
    });
    const bad = points.find((p) => !(p.loss <= EXPLODED_LOSS));
    if (bad) {
      const what = Number.isFinite(bad.loss) ? `exploded to ${bad.loss.toPrecision(3)}` : `became ${bad.loss}`;
      this.setState('diverged', `Training diverged at step ${bad.step}: the loss ${what}. Lower the learning rate and press Reset.`);
    }
    return elapsed;
  }

  /** Validation at regular intervals; test accuracy and 'finished' at the end. */
  private async afterSteps(t: Trainer, runId: number): Promise<void> {
    const atEval = t.step % this.evalEvery === 0 || t.step % t.stepsPerEpoch === 0;
    if (atEval || t.done) {
      const v = await t.evaluate('validation', VALIDATION_SUBSET);
      if (runId !== this.runId) return;
      this.emit({ type: 'eval', runId, split: 'validation', step: t.step, loss: v.loss, accuracy: v.accuracy });
    }
    if (t.done && this.state !== 'finished') {
      const r = await t.evaluate('test');
      if (runId !== this.runId) return;
      this.emit({ type: 'eval', runId, split: 'test', step: t.step, loss: r.loss, accuracy: r.accuracy });
      this.setState('finished');
    }
  }

  dispose(): void {
    this.trainer?.dispose();
    this.trainer = null;
  }
}

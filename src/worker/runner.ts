// Schedules training in short chunks so control messages are handled between them, steps every lane
// of the run in turn (same batches, same order), replays scheduled changes at their steps, and turns
// the trainers' numbers into protocol events. Talks only through `emit`, so Node tests drive it directly.
import { trainingStats, type MnistData } from '../engine/mnist';
import type { Batches } from '../engine/batches';
import { Trainer, type StepRecords, type TrainerKernels } from '../engine/trainer';
import { makeBatches } from '../engine/batches';
import type { Command, RunState, WorkerEvent } from '../protocol';
import { WHOLE_TRAINING_EVAL_MAX, type EvalSplit } from '../shared/metrics';
import type { LiveChange } from '../shared/settings';
import type { RunCheckpoint } from '../shared/checkpoint';
import { assertNever } from '../protocol';
import { deviceMemory } from './deviceMemory';
import { divergenceIn } from './divergence';
import { Insight } from './insight';
import { Pacer } from './pacing';
import { readCheckpoint, restoreLanes, type CheckpointLane } from './runCheckpoint';

/** Training time between checkpoints: at most this much is redone after the GPU or the worker is lost. */
export const CHECKPOINT_MS = 3000;
const MIN_ELAPSED_MS = 1e-3;
/** Validation passes per epoch (at least every this many steps, and at each epoch's end). */
const EVALS_PER_EPOCH = 5;

/** The commands about the run itself (the worker entry handles the others). */
export type RunCommand = Exclude<Command, { type: 'init' | 'interaction' | 'testHook' | 'retryLoad' }>;

export interface RunnerOptions {
  now?: () => number;
  /** Lets other messages through between chunks (a macrotask in the worker). */
  yieldToEvents?: () => Promise<void>;
  /** Backend fast paths (fused WebGL programs); composed ops when absent. */
  kernels?: TrainerKernels;
  /** Training time between checkpoints (CHECKPOINT_MS; Infinity: only on pause). */
  checkpointMs?: number;
  /** Record the optimizer's instruments (default true; false only to measure what they cost). */
  internals?: boolean;
  /** Resolves once a held-out split has arrived (MNIST streams in); at once when all data is there. */
  waitForData?: (split: EvalSplit) => Promise<void>;
}

/** Steps queued on the device whose metrics are being read back. */
interface Chunk {
  runId: number;
  steps: number;
  readback: Promise<StepRecords[]>;
}

type Lane = CheckpointLane;

export class Runner {
  private lanes: Lane[] = [];
  private batches: Batches | null = null;
  private runId = 0;
  private state: RunState = 'idle';
  private loopActive = false;
  private readonly pacer = new Pacer();
  private trainingMs = 0;
  /** Training time at the last checkpoint. */
  private checkpointedAt = 0;
  /** Set once the GPU is gone: nothing more is trained or reported. */
  private halted = false;
  /** The run trains on a small set (shared trainImages), which is evaluated whole at each validation. */
  private wholeTrainingEval = false;
  private readonly waitForData: (split: EvalSplit) => Promise<void>;
  private readonly now: () => number;
  private readonly yieldToEvents: () => Promise<void>;
  private readonly kernels: TrainerKernels;
  private readonly checkpointMs: number;
  private readonly internals: boolean;
  private readonly insight: Insight;

  constructor(
    private readonly data: MnistData,
    private readonly emit: (e: WorkerEvent) => void,
    options: RunnerOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.yieldToEvents = options.yieldToEvents ?? (() => new Promise((r) => setTimeout(r, 0)));
    this.kernels = options.kernels ?? {};
    this.checkpointMs = options.checkpointMs ?? CHECKPOINT_MS;
    this.internals = options.internals ?? true;
    this.waitForData = options.waitForData ?? (() => Promise.resolve());
    this.insight = new Insight(
      data,
      emit,
      () => this.runId,
      () => this.batches,
      () => this.yieldToEvents(),
    );
  }

  handle(cmd: RunCommand): void {
    if (this.halted) return;
    if (cmd.type !== 'reset' && cmd.runId !== this.runId) return; // a command for a run that is gone
    const idle = this.lanes.length > 0 && (this.state === 'idle' || this.state === 'paused');
    switch (cmd.type) {
      case 'reset':
        this.reset(cmd);
        break;
      case 'start':
        if (idle) this.setState('running');
        void this.loop();
        break;
      case 'pause':
        if (this.state === 'running') {
          this.setState('paused');
          void this.checkpoint(this.runId);
        }
        break;
      case 'step':
        if (idle) void this.singleStep();
        break;
      case 'change': {
        const lane = this.lanes.find((l) => l.key === cmd.lane);
        if (lane) this.change(lane, cmd.changeId, cmd.change);
        break;
      }
      case 'follow':
        for (const l of this.lanes) l.trainer.follow(cmd.target);
        break;
      case 'predict':
      case 'classify':
        this.insight.handle(cmd, this.lanes.find((l) => l.key === cmd.lane)?.trainer, this.batches);
        break;
      default:
        assertNever(cmd);
    }
  }

  /** The page is (or stops) being used: pace the GPU work accordingly. */
  setInteracting(active: boolean): void {
    this.pacer.setInteracting(active);
  }

  /** The GPU is gone: stop at once; the page restarts training elsewhere from a checkpoint. */
  halt(): void {
    this.halted = true;
    this.state = 'paused';
  }

  private reset(cmd: Extract<RunCommand, { type: 'reset' }>): void {
    const { runId, shared, lanes: setups, restore, pool } = cmd;
    this.disposeLanes();
    this.wholeTrainingEval = shared.trainImages <= WHOLE_TRAINING_EVAL_MAX;
    this.runId = runId;
    this.trainingMs = 0;
    this.checkpointedAt = 0;
    this.pacer.reset();
    try {
      // One batch per step, made once and trained on by every lane; while MNIST arrives, from what has
      // (each growth is posted, to replay it). Statistics ('standardize') only once all is here.
      const stats = trainingStats(this.data);
      const batches = (this.batches = makeBatches(this.data, shared, stats, this.kernels, {
        pool,
        onPoolChange: (c) => this.emit({ type: 'pool', runId, ...c }),
      }));
      for (const s of setups) {
        const config = { ...shared, settings: s.initial, internals: this.internals };
        const schedule = [...s.timeline].sort((a, b) => a.step - b.step);
        const trainer = new Trainer(this.data, config, stats, this.kernels, batches);
        if (this.internals) trainer.follow('largest');
        this.lanes.push({ key: s.lane, trainer, schedule, stopped: false });
      }
      if (restore) this.restore(restore);
      this.setState('idle');
    } catch (e) {
      this.disposeLanes();
      this.setState('error', `Could not set up the run: ${(e as Error).message}`);
    }
  }

  private restore(c: RunCheckpoint): void {
    restoreLanes(this.lanes, c);
    this.trainingMs = c.trainingMs;
    this.checkpointedAt = c.trainingMs;
  }

  /** Posts every lane's state after the steps queued so far, unless the run changed meanwhile. */
  private async checkpoint(runId: number): Promise<void> {
    if (this.lanes.length === 0) return;
    this.checkpointedAt = this.trainingMs;
    const checkpoint = await readCheckpoint(this.lanes, this.step, this.trainingMs);
    if (runId !== this.runId || this.halted) return;
    this.emit({ type: 'checkpoint', runId, checkpoint });
  }

  private change(lane: Lane, changeId: number, change: LiveChange): void {
    const t = lane.trainer;
    try {
      t.applyChange(change);
      this.emit({ type: 'applied', runId: this.runId, lane: lane.key, changeId, step: t.step + 1, change });
    } catch (e) {
      this.emit({
        type: 'rejected',
        runId: this.runId,
        lane: lane.key,
        changeId,
        message: (e as Error).message,
      });
    }
  }

  private setState(state: RunState, message?: string): void {
    this.state = state;
    this.emit({ type: 'state', runId: this.runId, state, step: this.step, ...(message ? { message } : {}) });
  }

  /** Steps completed by every lane (they move together). */
  get step(): number {
    return this.lanes[0]?.trainer.step ?? 0;
  }
  private get first(): Trainer {
    return this.lanes[0]!.trainer;
  }
  private get done(): boolean {
    return this.first.done;
  }
  /**
   * Validation five times an epoch; a small training set (evaluated whole as well, to show the gap)
   * once an epoch: its epochs are short, and the passes would otherwise cost more than the training.
   */
  private get evalEvery(): number {
    const perEpoch = this.wholeTrainingEval ? 1 : EVALS_PER_EPOCH;
    return Math.max(1, Math.ceil(this.first.stepsPerEpoch / perEpoch));
  }

  /** One step of every lane that still trains, replaying its scheduled changes first. */
  private stepLanes(): void {
    for (const lane of this.lanes) {
      const next = lane.trainer.step + 1;
      while (lane.schedule.length > 0 && lane.schedule[0]!.step <= next)
        this.change(lane, -1, lane.schedule.shift()!);
      // A stopped lane still advances its batch order in lockstep, without training.
      if (lane.stopped) lane.trainer.skipStep();
      else lane.trainer.trainStep();
    }
  }

  private async singleStep(): Promise<void> {
    const runId = this.runId;
    const since = this.now();
    for (const l of this.lanes) l.trainer.traceNextStep();
    this.stepLanes();
    await this.report({ runId, steps: 1, readback: this.readback() }, since);
    if (runId !== this.runId) return;
    await this.afterSteps(runId);
    // Like a pause, a Step ends where the page's weights (recovery, Download model) should be; the
    // last step's checkpoint comes with 'finished'.
    if (runId === this.runId && !this.done) void this.checkpoint(runId);
  }

  /**
   * One loop per run; it ends when the run is paused, finished, diverged or replaced. At the idle pace
   * each chunk's readback is awaited only after the next chunk has been queued, so the GPU never sits
   * idle waiting for the page's numbers; while the page is in use, one short chunk at a time (pacing.ts).
   */
  private async loop(): Promise<void> {
    if (this.loopActive) return;
    this.loopActive = true;
    let inflight: Chunk | null = null;
    let since = this.now();
    try {
      while (this.state === 'running' && this.lanes.length > 0 && !this.halted) {
        const runId = this.runId;
        let n = 0;
        const nextEval = (Math.floor(this.step / this.evalEvery) + 1) * this.evalEvery;
        while (n < this.pacer.stepsPerChunk && !this.done && this.step < nextEval) {
          this.stepLanes();
          n++;
        }
        const chunk: Chunk = { runId, steps: n, readback: this.readback() };
        if (this.trainingMs - this.checkpointedAt >= this.checkpointMs) void this.checkpoint(runId);
        if (inflight) await this.report(inflight, since);
        inflight = chunk;
        since = this.now();
        if (runId !== this.runId) continue; // reset while reading back
        const boundary = this.done || this.step >= nextEval;
        if (boundary || (this.state as RunState) !== 'running' || this.pacer.pace.depth === 1) {
          await this.report(inflight, since);
          inflight = null;
          since = this.now();
        }
        if ((this.state as RunState) !== 'running' || runId !== this.runId) break; // report() may have stopped it
        if (boundary) await this.afterSteps(runId);
        await this.yieldToEvents();
      }
    } finally {
      // Timed from the previous report like every chunk: timed from now, a chunk would seem to take
      // no time and its samples/s would read in the millions.
      if (inflight) await this.report(inflight, since);
      this.loopActive = false;
    }
  }

  /** Starts reading back every lane's pending metrics and instruments (one download per lane). */
  private readback(): Promise<StepRecords[]> {
    return Promise.all(this.lanes.map((l) => l.trainer.flush()));
  }

  /**
   * Posts a chunk's metrics once its readback arrives, stops diverged lanes, and lets the pacer size the
   * next chunk from the wall time since `since` (the previous report).
   */
  private async report({ runId, steps, readback }: Chunk, since: number): Promise<void> {
    const lanes = this.lanes;
    const records = await readback;
    // Clock resolution can make a fast chunk read 0 ms; samples/s must stay finite.
    const elapsed = Math.max(this.now() - since, MIN_ELAPSED_MS);
    if (runId !== this.runId || this.halted) return;
    this.pacer.observe(steps, elapsed);
    this.trainingMs += elapsed;
    const t = this.first;
    const active = lanes.filter((l) => !l.stopped).length;
    this.emit({
      type: 'metrics',
      runId,
      lanes: lanes.map((l, i) => {
        const { points, internals, traces } = records[i]!;
        const trace = traces.at(-1);
        return { lane: l.key, points, internals, ...(trace ? { trace } : {}) };
      }),
      stepsPerEpoch: t.stepsPerEpoch,
      totalSteps: t.totalSteps,
      samples: steps * active * t.config.batchSize,
      trainingMs: this.trainingMs,
    });
    lanes.forEach((lane, i) => {
      const diverged = lane.stopped ? null : divergenceIn(records[i]!.points);
      if (!diverged) return;
      lane.stopped = true;
      if (lanes.length > 1) this.emit({ type: 'laneStopped', runId, lane: lane.key, ...diverged });
      if (lanes.every((l) => l.stopped)) this.setState('diverged', diverged.message);
    });
  }

  /** Validation at regular intervals; test accuracy and 'finished' at the end. */
  private async afterSteps(runId: number): Promise<void> {
    const t = this.first;
    const atEval = t.step % this.evalEvery === 0 || t.step % t.stepsPerEpoch === 0;
    const live = this.lanes.filter((l) => !l.stopped);
    if (atEval || t.done) {
      // While held-out images still arrive a run skips its validation passes; one that ends waits.
      if (t.done) await this.waitForData('validation');
      if (runId !== this.runId) return;
      if (this.batches!.arrived('validation')) {
        await this.evaluate(runId, live, 'validation');
        // A small training set is evaluated whole too: the generalisation gap as two lines.
        if (runId === this.runId && this.wholeTrainingEval && this.batches!.arrived('train'))
          await this.evaluate(runId, live, 'train');
      }
      if (runId === this.runId) this.emit({ type: 'memory', runId, step: t.step, ...deviceMemory() });
    }
    if (t.done && this.state !== 'finished' && runId === this.runId) {
      await this.waitForData('test');
      if (runId !== this.runId) return;
      await this.evaluate(runId, live, 'test');
      if (runId !== this.runId) return;
      this.setState('finished');
      void this.checkpoint(runId); // the trained network, as "Download model" saves it
    }
  }

  private async evaluate(runId: number, lanes: Lane[], split: EvalSplit | 'train'): Promise<void> {
    for (const lane of lanes) {
      // A pass over 5,000 or 10,000 images is hundreds of milliseconds of GPU work on a slow device:
      // while the page is in use it goes a piece at a time, each done before the next is queued.
      const r = await lane.trainer.evaluate(split, Infinity, async (settle) => {
        await this.yieldToEvents();
        if (this.pacer.inUse) await settle();
      });
      if (runId !== this.runId) return;
      this.emit({
        type: 'eval',
        runId,
        lane: lane.key,
        split,
        step: lane.trainer.step,
        loss: r.loss,
        accuracy: r.accuracy,
        ...(r.trueLoss === undefined ? {} : { trueLoss: r.trueLoss, trueAccuracy: r.trueAccuracy }),
      });
    }
  }

  private disposeLanes(): void {
    for (const l of this.lanes) l.trainer.dispose();
    this.lanes = [];
    this.batches?.dispose();
    this.batches = null;
  }

  dispose(): void {
    this.disposeLanes();
  }
}

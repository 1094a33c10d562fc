// Owns the training worker's life: starts it, numbers the runs (stale events are dropped by run id),
// keeps the latest checkpoint the worker posts, and when the worker crashes, falls silent while
// training, or loses its GPU context, starts a new one and carries on from that checkpoint.
import type { Command, InsightRequest, LaneSetup, WorkerEvent } from '../protocol';
import type { RunCheckpoint } from '../shared/checkpoint';
import type { PoolChange, PoolHistory } from '../shared/pool';
import type { SharedSettings } from '../shared/settings';
import type { TraceTarget } from '../shared/trace';
import type { Session } from './session';
import type { TrainingClient } from './trainingClient';
import type { TuneJob } from '../protocol';
import type { TuneEvent, TuneStore } from '../tune/store';

/**
 * Not even an `alive` for this long while training: the worker's thread is blocked or gone. Compiling a
 * CNN's programs on software WebGL blocks it for 6–8 s on a 2-core machine; a slower one needs room.
 */
export const SILENCE_MS = 20_000;
/** Alive but no other event for this long while training: stuck waiting on the device. */
export const STALL_MS = 120_000;
/** More failures than this within FAILURE_WINDOW_MS and the page stops retrying (and says so). */
export const MAX_RECOVERIES = 3;
export const FAILURE_WINDOW_MS = 60_000;

export type Spawn = (onEvent: (e: WorkerEvent) => void, onCrash: (message: string) => void) => TrainingClient;
export type FailureKind = 'gpu' | 'crash' | 'silent';

interface RunSetup {
  shared: SharedSettings;
  lanes: LaneSetup[];
}

export interface SupervisorOptions {
  spawn: Spawn;
  session: Session;
  init: Omit<Extract<Command, { type: 'init' }>, 'type'>;
  /** The lanes as the page knows them now (timelines grow as live changes are acknowledged). */
  currentLanes(lanes: LaneSetup[]): LaneSetup[];
  now?: () => number;
  /** Where the Tune panel's job events go. */
  tune?: TuneStore;
}

export class Supervisor {
  private client: TrainingClient;
  private runId = 0;
  private changeId = 0;
  private requestId = 0;
  private setup: RunSetup | null = null;
  private checkpoint: RunCheckpoint | null = null;
  /** The run's pool while MNIST arrived (worker `pool` events) and the last step seen trained with it. */
  private pool: { changes: PoolChange[]; through: number } = { changes: [], through: 0 };
  /** The output weight the page follows (a new run follows the largest |g| unless one was picked). */
  private traceTarget: TraceTarget = 'largest';
  private lastEventAt: number;
  private lastAliveAt: number;
  private failures: number[] = [];
  private readonly now: () => number;
  /** The Tune panel's latest job, and whether the worker is still running it. */
  private tuneJob = 0;
  private tuning = false;

  constructor(private readonly o: SupervisorOptions) {
    this.now = o.now ?? (() => performance.now());
    this.lastEventAt = this.now();
    this.lastAliveAt = this.lastEventAt;
    this.client = this.spawn();
  }

  /** After a download failed for good: the same worker loads MNIST again (its backend is kept). */
  retryLoad(): void {
    this.o.session.loadRestarted();
    this.client.send({ type: 'retryLoad' });
  }

  private spawn(): TrainingClient {
    const client = this.o.spawn(
      (e) => this.onEvent(client, e),
      (message) => this.onCrash(client, message),
    );
    client.send({ type: 'init', ...this.o.init });
    client.setCurrentRun(this.runId);
    return client;
  }

  /** A new run of these lanes from the seed's initial weights; recorded timelines replay. */
  reset(shared: SharedSettings, lanes: LaneSetup[]): void {
    this.cancelTune();
    this.setup = { shared, lanes };
    this.checkpoint = null;
    this.pool = { changes: [], through: 0 };
    this.newRunId();
    this.o.session.newRun(
      this.runId,
      lanes.map((l) => l.lane),
    );
    this.client.send({ type: 'reset', runId: this.runId, shared, lanes });
    this.sendFollow();
  }

  /** Follows this output weight in every run (the Adam equations show its numbers). */
  follow(target: TraceTarget): void {
    this.traceTarget = target;
    this.client.send({ type: 'follow', runId: this.runId, target });
  }

  private sendFollow(): void {
    if (this.traceTarget !== 'largest')
      this.client.send({ type: 'follow', runId: this.runId, target: this.traceTarget });
  }

  command(type: 'start' | 'pause' | 'step'): void {
    this.cancelTune(); // training and a tune job never share the GPU
    this.lastEventAt = this.now();
    this.client.send({ type, runId: this.runId });
  }

  change(lane: string, change: Extract<Command, { type: 'change' }>['change']): void {
    this.changeId += 1;
    // Marks let anyone (the benchmark, the browser's performance panel) see change → acknowledgement latency.
    this.o.session.markSent(this.runId, this.changeId);
    this.client.send({ type: 'change', runId: this.runId, lane, changeId: this.changeId, change });
  }

  /** Asks about a lane's current weights (what the model learned); the answer carries the returned id. */
  ask(request: InsightRequest): number {
    this.requestId += 1;
    this.client.send({ ...request, runId: this.runId, requestId: this.requestId });
    return this.requestId;
  }

  /** Commands that are not about a run (interaction, test hooks). */
  send(cmd: Extract<Command, { type: 'interaction' | 'testHook' }>): void {
    this.client.send(cmd);
  }

  /**
   * Starts a Tune panel job (its events go to the tune store); running training pauses first, and a job
   * still under way is cancelled. Start, Pause, Step and Reset cancel it in turn.
   */
  tune(shared: SharedSettings, job: TuneJob): void {
    if (this.o.session.getSnapshot().state === 'running') this.command('pause');
    this.cancelTune();
    this.tuneJob += 1;
    this.tuning = true;
    this.o.tune?.begin(this.tuneJob, shared, job);
    this.client.send({ type: 'tune', jobId: this.tuneJob, shared, job });
  }

  cancelTune(): void {
    if (!this.tuning) return;
    this.tuning = false;
    this.o.tune?.cancel(this.tuneJob);
    this.client.send({ type: 'cancelTune', jobId: this.tuneJob });
  }

  private onTune(e: TuneEvent): void {
    if (e.jobId === this.tuneJob && e.update.kind === 'ended') this.tuning = false;
    this.o.tune?.handle(e);
  }

  /**
   * Called about once a second: while training, a worker silent for SILENCE_MS, or alive but without
   * progress for STALL_MS, is replaced.
   */
  tick(): void {
    if (this.o.session.getSnapshot().state !== 'running') return;
    const now = this.now();
    if (now - Math.max(this.lastEventAt, this.lastAliveAt) >= SILENCE_MS)
      this.recover('silent', 'it stopped responding');
    else if (now - this.lastEventAt >= STALL_MS)
      this.recover('silent', 'it made no progress for two minutes');
  }

  /** The run's latest checkpoint (null until the first): its weights are what "Download model" saves. */
  latestCheckpoint(): RunCheckpoint | null {
    return this.checkpoint;
  }

  /** The pools the run's first steps drew from while MNIST arrived (empty when all was there). */
  poolHistory(): PoolHistory {
    return { changes: [...this.pool.changes], through: this.pool.through };
  }

  dispose(): void {
    this.client.terminate();
  }

  private newRunId(): void {
    this.runId += 1;
    this.client.setCurrentRun(this.runId);
  }

  private onEvent(from: TrainingClient, e: WorkerEvent): void {
    if (from !== this.client) return; // a replaced worker's last words
    if (e.type === 'alive') {
      this.lastAliveAt = this.now();
      return;
    }
    this.lastEventAt = this.now();
    if (e.type === 'checkpoint') this.checkpoint = e.checkpoint;
    if (e.type === 'pool') this.pool.changes.push({ step: e.step, images: e.images });
    if (e.type === 'gpuLost') return this.recover('gpu', 'the GPU context was lost');
    if (e.type === 'tune') return this.onTune(e);
    this.o.session.handle(e);
  }

  private onCrash(from: TrainingClient, message: string): void {
    if (from !== this.client) return;
    this.recover('crash', message);
  }

  /**
   * Starts a new worker and resumes the run from the latest checkpoint (or from its start, with its
   * recorded changes, when there is none yet). Curves after the checkpoint are dropped and redrawn.
   */
  private recover(kind: FailureKind, why: string): void {
    const session = this.o.session;
    const snap = session.getSnapshot();
    const now = this.now();
    this.failures = [...this.failures.filter((t) => now - t < FAILURE_WINDOW_MS), now];
    this.client.terminate();
    if (this.tuning) this.o.tune?.lost(this.tuneJob); // a tune job dies with its worker
    this.tuning = false;
    if (this.failures.length > MAX_RECOVERIES) {
      // The run ends in error (curves and runs stay); Reset starts over in the fresh worker.
      const message = `The training worker failed ${this.failures.length} times in a minute (${why}). Press Reset to try again.`;
      session.handle({ type: 'state', runId: this.runId, state: 'error', step: snap.step, message });
      this.client = this.spawn();
      return;
    }
    const lostAt = snap.step;
    const wasRunning = snap.state === 'running';
    this.client = this.spawn();
    this.lastEventAt = now;
    this.lastAliveAt = now;
    if (!this.setup) return;
    const restore = this.checkpoint ?? undefined;
    const resumeAt = restore?.step ?? 0;
    // Steps up to lostAt drew from the recorded pool: the new worker replays it instead of its own arrival.
    this.pool.through = Math.max(this.pool.through, lostAt);
    const pool = { changes: [...this.pool.changes], through: this.pool.through };
    this.newRunId();
    session.resume(this.runId, resumeAt, { kind, lostAt, resumedFrom: resumeAt, why });
    const lanes = this.o.currentLanes(this.setup.lanes);
    this.client.send({ type: 'reset', runId: this.runId, shared: this.setup.shared, lanes, restore, pool });
    this.sendFollow();
    if (wasRunning) this.client.send({ type: 'start', runId: this.runId });
  }
}

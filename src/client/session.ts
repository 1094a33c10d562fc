// The page's view of the current run's lanes, built from worker events. Metric points are appended in
// place and published at most every THROTTLE_DEFAULT ms (less often where redrawing is slow), so a fast
// worker never makes React re-render per step.
import type { InsightEvent, WorkerEvent } from '../protocol';
import { assertNever } from '../protocol';
import { InternalsColumns, internalsUpTo } from '../shared/internalsColumns';
import { columnsUpTo, divergedStep, PointColumns } from '../shared/pointColumns';
import { RateWindow } from '../shared/rateWindow';
import { MIN_PUBLISH_MS, RedrawBudget } from './redrawBudget';
import { FIRST_STEP_MARK, LIVE_CHANGE_MEASURE, liveChangeSentMark } from '../shared/perfMarks';
import {
  emptyRun,
  type DownloadProblem,
  type HoldReason,
  type Recovery,
  type SessionSnapshot,
} from './sessionSnapshot';

/** The shortest wall time between two publishes of new points; slow redraws stretch it (redrawBudget.ts). */
export const THROTTLE_DEFAULT = MIN_PUBLISH_MS;
/** Browser tasks a publish's redraws span: the page, then loss, accuracy and the instruments' charts. */
const REDRAW_TASKS = 4;

export type { DownloadProblem, HoldReason, LaneData, Recovery, SessionSnapshot } from './sessionSnapshot';

/** A live change the worker applied: `changeId` −1 for a replayed one. */
export type AppliedChange = Extract<WorkerEvent, { type: 'applied' }>;

function withoutType<T extends { type: string }>({ type: _, ...rest }: T): Omit<T, 'type'> {
  return rest;
}

export class Session {
  private snap: SessionSnapshot = {
    version: 0,
    backend: null,
    loading: null,
    dataReady: false,
    arrivedTrain: 0,
    trainCount: 0,
    dataComplete: false,
    download: null,
    fatal: null,
    workerMemory: null,
    ...emptyRun(0, []),
  };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private appliedListeners = new Set<(e: AppliedChange) => void>();
  private insightListeners = new Set<(e: InsightEvent) => void>();
  private sentMarks = new Set<string>();
  private holds = new Set<HoldReason>();
  /** Something changed while publishing was held. */
  private unpublished = false;
  /** FIRST_STEP_MARK is set once per page, not per run. */
  private firstStepMarked = false;

  /** How often training's new points are published, from what redrawing them costs. */
  private readonly budget: RedrawBudget;
  /** Samples/s as shown: over the last seconds of wall time on the page's clock. */
  private readonly rate = new RateWindow();

  constructor(
    private readonly throttleMs = THROTTLE_DEFAULT,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.budget = new RedrawBudget(throttleMs);
  }

  /** Hears every applied change, so the page can record it in the run's timeline. */
  listenApplied(fn: (e: AppliedChange) => void): () => void {
    this.appliedListeners.add(fn);
    return () => this.appliedListeners.delete(fn);
  }

  /** Hears the worker's answers about what the model learned; they stay out of the snapshot. */
  listenInsight = (fn: (e: InsightEvent) => void): (() => void) => {
    this.insightListeners.add(fn);
    return () => this.insightListeners.delete(fn);
  };

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSnapshot = (): SessionSnapshot => this.snap;

  /**
   * A live change was just sent: marks the time, so its acknowledgement can be measured. Marks and
   * measures are cleared as soon as they are used (observers still see them), so they never pile up.
   */
  markSent(runId: number, changeId: number): void {
    const name = liveChangeSentMark(runId, changeId);
    this.sentMarks.add(name);
    performance.mark(name);
  }

  private settleMark(runId: number, changeId: number, measure: boolean): void {
    const name = liveChangeSentMark(runId, changeId);
    if (!this.sentMarks.delete(name)) return;
    if (measure) {
      performance.measure(LIVE_CHANGE_MEASURE, name);
      performance.clearMeasures(LIVE_CHANGE_MEASURE);
    }
    performance.clearMarks(name);
  }

  /** Starts a fresh record of these lanes (charts clear); the old run's late events are dropped by the client. */
  newRun(runId: number, lanes: readonly string[]): void {
    // Changes of the old run will never be acknowledged.
    for (const name of this.sentMarks) performance.clearMarks(name);
    this.sentMarks.clear();
    this.update(emptyRun(runId, lanes), true);
  }

  /**
   * The run goes on in a new worker from step `step` (its checkpoint): what was recorded after it is
   * dropped, since the new worker trains those steps again. New arrays, so charts redraw.
   */
  resume(runId: number, step: number, recovery: Recovery): void {
    const lanes = Object.fromEntries(
      Object.entries(this.snap.lanes).map(([key, lane]) => [
        key,
        {
          points: columnsUpTo(lane.points, step),
          internals: internalsUpTo(lane.internals, step),
          trace: lane.trace && lane.trace.step <= step ? lane.trace : null,
          validation: lane.validation.filter((p) => p.step <= step),
          ...(lane.training ? { training: lane.training.filter((p) => p.step <= step) } : {}),
          test: null,
          stopped: (divergedStep(lane.points) ?? Infinity) <= step ? lane.stopped : null,
        },
      ]),
    );
    this.update(
      { runId, step, lanes, state: 'paused', message: null, recoveries: [...this.snap.recoveries, recovery] },
      true,
    );
  }

  /** Loading starts over: the failure notice goes until something fails again. */
  loadRestarted(): void {
    this.update({ download: null }, true);
  }

  fail(message: string): void {
    this.update({ fatal: message }, true);
  }

  handle(e: WorkerEvent): void {
    const s = this.snap;
    switch (e.type) {
      case 'alive':
        return; // the supervisor's business
      case 'backend':
        return this.update({ backend: e.info }, true);
      case 'loading':
        return this.update({ loading: { loadedBytes: e.loadedBytes, totalBytes: e.totalBytes } }, false);
      case 'loaded':
        return this.update({ dataReady: true, download: null }, true);
      case 'arrived': {
        const dataComplete = e.trainArrived === e.trainCount && e.validation && e.test;
        // A file arrived, so a retry notice is out of date; a failure stays until Retry.
        const download = s.download?.kind === 'failed' && !dataComplete ? s.download : null;
        const patch = { arrivedTrain: e.trainArrived, trainCount: e.trainCount, dataComplete, download };
        return this.update(dataComplete ? { ...patch, loading: null } : patch, true);
      }
      case 'pool':
        return; // the supervisor records it, to replay it after a recovery
      case 'downloadRetry':
        return this.update({ download: { kind: 'retrying', ...withoutType(e) } }, true);
      case 'downloadFailed': {
        const download: DownloadProblem = { kind: 'failed', file: e.file, message: e.message };
        return this.update({ download, loading: null }, true);
      }
      case 'fatal':
        return this.update({ fatal: e.message }, true);
      case 'state':
        if (e.state === 'running' && s.state !== 'running') this.rate.start(this.now());
        return this.update({ state: e.state, step: e.step, message: e.message ?? null }, true);
      case 'metrics': {
        if (!this.firstStepMarked && e.lanes.some((l) => l.points.length > 0)) {
          this.firstStepMarked = true;
          performance.mark(FIRST_STEP_MARK);
        }
        let step = s.step;
        for (const { lane, points, internals, trace } of e.lanes) {
          const data = s.lanes[lane];
          if (data?.points instanceof PointColumns) data.points.push(...points);
          if (data?.internals instanceof InternalsColumns) data.internals.push(...internals);
          if (data && trace) data.trace = trace;
          step = Math.max(step, points.at(-1)?.step ?? 0);
        }
        this.rate.add(this.now(), e.samples);
        return this.update(
          {
            step,
            stepsPerEpoch: e.stepsPerEpoch,
            totalSteps: e.totalSteps,
            samplesPerSec: this.rate.rate() ?? 0,
            trainingMs: e.trainingMs,
          },
          false,
        );
      }
      case 'eval': {
        const lane = s.lanes[e.lane];
        if (!lane) return;
        const point = { step: e.step, loss: e.loss, accuracy: e.accuracy };
        if (e.split === 'test') lane.test = point;
        else if (e.split === 'validation') lane.validation.push(point);
        else {
          const truth =
            e.trueLoss === undefined ? {} : { trueLoss: e.trueLoss, trueAccuracy: e.trueAccuracy };
          // Pushed in place, like validation: the charts hold this array.
          (lane.training ??= []).push({ ...point, ...truth });
        }
        return this.update({}, e.split === 'test');
      }
      case 'applied': {
        this.settleMark(e.runId, e.changeId, true);
        for (const fn of this.appliedListeners) fn(e);
        return this.update({}, true);
      }
      case 'rejected':
        this.settleMark(e.runId, e.changeId, false);
        return this.update({ lastRejected: e.message }, true);
      case 'checkpoint':
      case 'gpuLost':
        return; // the supervisor's business
      case 'tune':
        return; // the Tune panel's store (tune/store.ts), fed by the supervisor
      case 'memory':
        return this.update(
          { workerMemory: { step: e.step, tensors: e.tensors, bytes: e.bytes, gpuBytes: e.gpuBytes } },
          false,
        );
      case 'predictions':
      case 'predicting':
      case 'classified':
        for (const fn of this.insightListeners) fn(e);
        return;
      case 'laneStopped': {
        const lane = s.lanes[e.lane];
        if (lane) lane.stopped = e.message;
        return this.update({}, true);
      }
      default:
        assertNever(e);
    }
  }

  /**
   * While the tab is hidden, or someone is dragging a control, nothing is published: nobody sees the
   * charts then, or a redraw would delay the drag's next frame. The record keeps growing; when the
   * last hold is released one publish catches the charts up.
   */
  hold(reason: HoldReason, on: boolean): void {
    const was = this.holds.size > 0;
    if (on) this.holds.add(reason);
    else this.holds.delete(reason);
    if (!was && on) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    } else if (was && this.holds.size === 0 && this.unpublished) this.publish();
  }

  private update(patch: Partial<SessionSnapshot>, now: boolean): void {
    Object.assign(this.snap, patch);
    if (this.holds.size > 0) this.unpublished = true;
    else if (now || this.throttleMs <= 0) this.publish();
    else this.timer ??= setTimeout(() => this.publish(), this.budget.intervalMs);
  }

  private publish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unpublished = false;
    this.snap = { ...this.snap, version: this.snap.version + 1 };
    const start = this.now();
    for (const fn of this.listeners) fn();
    if (this.throttleMs > 0) this.measureRedraw(start);
  }

  /**
   * Times a publish's redraws: React renders the snapshot's subscribers right after this task, and the
   * charts that lag behind in the tasks after it (ChartsSection), so the cost runs to REDRAW_TASKS hops.
   */
  private measureRedraw(start: number, hop = 1): void {
    setTimeout(() => {
      if (hop < REDRAW_TASKS) this.measureRedraw(start, hop + 1);
      else this.budget.observe(this.now() - start);
    }, 0);
  }
}

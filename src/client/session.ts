// The page's view of the current run, built from worker events. Metric points are appended in place
// and published at most every THROTTLE_MS, so a fast worker never makes React re-render per step.
import type { BackendInfo, LiveChange, MetricPoint, RunState, WorkerEvent } from '../protocol';
import { assertNever } from '../protocol';

const THROTTLE_MS = 100;

export interface EvalPoint {
  step: number;
  loss: number;
  accuracy: number;
}
export interface Marker {
  step: number;
  label: string;
}

export interface SessionSnapshot {
  /** Bumps on every publish; charts use it to notice appended points. */
  version: number;
  backend: BackendInfo | null;
  loading: { loadedBytes: number; totalBytes: number } | null;
  dataReady: boolean;
  fatal: string | null;
  runId: number;
  state: RunState;
  message: string | null;
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  samplesPerSec: number;
  trainingMs: number;
  points: MetricPoint[];
  validation: EvalPoint[];
  test: EvalPoint | null;
  markers: Marker[];
  /** The worker's reason for the last refused change. */
  lastRejected: string | null;
}

function emptyRun(runId: number): Pick<
  SessionSnapshot,
  'runId' | 'state' | 'message' | 'step' | 'stepsPerEpoch' | 'totalSteps' | 'samplesPerSec' | 'trainingMs' | 'points' | 'validation' | 'test' | 'markers' | 'lastRejected'
> {
  return {
    runId, state: 'idle', message: null, step: 0, stepsPerEpoch: 0, totalSteps: 0, samplesPerSec: 0,
    trainingMs: 0, points: [], validation: [], test: null, markers: [], lastRejected: null,
  };
}

export class Session {
  private snap: SessionSnapshot = {
    version: 0, backend: null, loading: null, dataReady: false, fatal: null, ...emptyRun(0),
  };
  private listeners = new Set<() => void>();
  private labels = new Map<number, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly throttleMs = THROTTLE_MS) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSnapshot = (): SessionSnapshot => this.snap;

  /** Starts a fresh run's record (charts clear); the old run's late events are dropped by the client. */
  newRun(runId: number): void {
    this.labels.clear();
    this.update(emptyRun(runId), true);
  }

  /** Remembers how to label a change's marker once the worker says at which step it applied. */
  expectChange(changeId: number, label: string): void {
    this.labels.set(changeId, label);
  }

  fail(message: string): void {
    this.update({ fatal: message }, true);
  }

  handle(e: WorkerEvent): void {
    const s = this.snap;
    switch (e.type) {
      case 'backend':
        return this.update({ backend: e.info }, true);
      case 'loading':
        return this.update({ loading: { loadedBytes: e.loadedBytes, totalBytes: e.totalBytes } }, false);
      case 'loaded':
        return this.update({ dataReady: true, loading: null }, true);
      case 'fatal':
        return this.update({ fatal: e.message }, true);
      case 'state':
        return this.update({ state: e.state, step: e.step, message: e.message ?? null }, true);
      case 'metrics': {
        s.points.push(...e.points);
        // Per-chunk rates are noisy; a short moving average reads better on screen.
        const rate = s.samplesPerSec === 0 ? e.samplesPerSec : 0.8 * s.samplesPerSec + 0.2 * e.samplesPerSec;
        const step = e.points.at(-1)?.step ?? s.step;
        return this.update(
          { step, stepsPerEpoch: e.stepsPerEpoch, totalSteps: e.totalSteps, samplesPerSec: rate, trainingMs: e.trainingMs },
          false,
        );
      }
      case 'eval':
        if (e.split === 'test') return this.update({ test: { step: e.step, loss: e.loss, accuracy: e.accuracy } }, true);
        s.validation.push({ step: e.step, loss: e.loss, accuracy: e.accuracy });
        return this.update({}, false);
      case 'applied': {
        const label = this.labels.get(e.changeId) ?? describeChange(e.change);
        const sent = `live-change-sent:${e.runId}:${e.changeId}`;
        if (performance.getEntriesByName(sent).length) performance.measure('live-change', sent);
        this.labels.delete(e.changeId);
        // A change before the first step is simply the run's setting, not an event on the curve.
        if (e.step > 1) s.markers.push({ step: e.step, label });
        return this.update({}, true);
      }
      case 'rejected':
        this.labels.delete(e.changeId);
        return this.update({ lastRejected: e.message }, true);
      default:
        assertNever(e);
    }
  }

  private update(patch: Partial<SessionSnapshot>, now: boolean): void {
    Object.assign(this.snap, patch);
    if (now || this.throttleMs <= 0) this.publish();
    else this.timer ??= setTimeout(() => this.publish(), this.throttleMs);
  }

  private publish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.snap = { ...this.snap, version: this.snap.version + 1 };
    for (const fn of this.listeners) fn();
  }
}

export function describeChange(c: LiveChange): string {
  if (c.kind === 'optimizer') return `optimizer → ${c.optimizer}`;
  return Object.entries(c.changes)
    .map(([k, v]) => `${k} → ${String(v)}`)
    .join(', ');
}

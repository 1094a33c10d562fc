// The page's record of Tune panel jobs, built from the worker's `tune` events: the last range test (its
// curve) and the last search (its trials and results), each with its job's status. Events of any other
// job are dropped, as is everything but `ended` once the page has cancelled a job.
import { verbatim, type Text } from '../i18n/text';
import type { RangePoint, TrialResult, TuneJob, TuneOutcome, TuneUpdate, WorkerEvent } from '../protocol';
import type { RunSettings, SharedSettings } from '../shared/settings';

export type TuneStatus = 'running' | TuneOutcome;

export interface JobRecord {
  id: number;
  status: TuneStatus;
  /** Why it failed. */
  message: Text | null;
  /** Tensors the worker held before and after the job (a leak shows as a difference). */
  tensors: { before: number; after: number } | null;
  shared: SharedSettings;
  /** Steps asked for: the sweep's length, or each trial's. */
  steps: number;
}

export interface RangeRecord extends JobRecord {
  /** The settings it started from (η aside). */
  settings: RunSettings;
  points: RangePoint[];
}

export interface SearchRecord extends JobRecord {
  trials: RunSettings[];
  results: TrialResult[];
  /** The trials training now and the step they reached. */
  progress: { firstTrial: number; trialCount: number; step: number } | null;
}

export interface TuneSnapshot {
  range: RangeRecord | null;
  search: SearchRecord | null;
}

/** The kind of job running now, if any. */
export function runningJob(snap: TuneSnapshot): TuneJob['kind'] | null {
  if (snap.range?.status === 'running') return 'rangeTest';
  if (snap.search?.status === 'running') return 'search';
  return null;
}

/** What the Tune panel is handed: the record and the two commands. */
export interface TuneControls {
  snap: TuneSnapshot;
  /** Pauses training if it runs, cancels a job under way, and starts `job`. */
  start(shared: SharedSettings, job: TuneJob): void;
  cancel(): void;
}

export type TuneEvent = Extract<WorkerEvent, { type: 'tune' }>;
type Ended = Extract<TuneUpdate, { kind: 'ended' }>;

export class TuneStore {
  private snap: TuneSnapshot = { range: null, search: null };
  private listeners = new Set<() => void>();

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSnapshot = (): TuneSnapshot => this.snap;

  /** Job `id` was sent: its record starts empty (the other kind's last record stays on show). */
  begin(id: number, shared: SharedSettings, job: TuneJob): void {
    const base = { id, status: 'running' as const, message: null, tensors: null, shared, steps: job.steps };
    if (job.kind === 'rangeTest') this.set({ range: { ...base, settings: job.settings, points: [] } });
    else this.set({ search: { ...base, trials: job.trials, results: [], progress: null } });
  }

  /** The page cancelled job `id`: shown as cancelled at once; the worker's `ended` still brings its tensor count. */
  cancel(id: number): void {
    this.patchJob(id, (r) => (r.status === 'running' ? { status: 'cancelled' } : {}));
  }

  /** The worker running job `id` was replaced (it crashed or lost its GPU): the job is gone with it. */
  lost(id: number): void {
    this.patchJob(id, (r) =>
      r.status === 'running' ? { status: 'error', message: (m) => m.tune.workerLost } : {},
    );
  }

  handle({ jobId, update }: TuneEvent): void {
    const { range, search } = this.snap;
    if (update.kind === 'ended') return this.ended(jobId, update);
    if (update.kind === 'range') {
      if (range?.id === jobId && range.status === 'running')
        this.set({ range: { ...range, points: [...range.points, ...update.points] } });
      return;
    }
    if (search?.id !== jobId || search.status !== 'running') return;
    if (update.kind === 'search') {
      const { firstTrial, trialCount, step } = update;
      this.set({ search: { ...search, progress: { firstTrial, trialCount, step } } });
    } else this.set({ search: { ...search, results: [...search.results, update.result] } });
  }

  private ended(id: number, update: Ended): void {
    const tensors = { before: update.tensorsBefore, after: update.tensorsAfter };
    this.patchJob(id, (r) => {
      if (r.status !== 'running') return { tensors };
      const message = update.message === undefined ? null : verbatim(update.message);
      return { status: update.outcome, message, tensors };
    });
  }

  private patchJob(id: number, patch: (r: JobRecord) => Partial<JobRecord>): void {
    const { range, search } = this.snap;
    if (range?.id === id) this.set({ range: { ...range, ...patch(range) } });
    else if (search?.id === id) this.set({ search: { ...search, ...patch(search) } });
  }

  private set(patch: Partial<TuneSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn();
  }
}

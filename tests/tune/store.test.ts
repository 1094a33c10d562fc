// The page's record of tune jobs: it fills in from the job's events, drops those of other jobs, and
// shows a cancel or a lost worker at once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { EN } from '../../src/i18n/messages';
import type { TuneUpdate } from '../../src/protocol';
import { runningJob, TuneStore } from '../../src/tune/store';
import { REFERENCE_NET } from '../helpers/net';

const SHARED = { batchSize: 32, epochs: 1, preprocessing: 'scale' as const, seed: 1, ...REFERENCE_NET };
const SETTINGS = settingsOf(DEFAULT_CONFIG);
const point = (step: number) => ({ step, learningRate: step * 1e-6, loss: 2, smoothed: 2 });
const ended = (outcome: 'done' | 'cancelled' | 'error', message?: string): TuneUpdate => ({
  kind: 'ended',
  outcome,
  ...(message ? { message } : {}),
  tensorsBefore: 10,
  tensorsAfter: 10,
});

describe('TuneStore', () => {
  it('records a range test from its events and drops those of other jobs', () => {
    const store = new TuneStore();
    let published = 0;
    store.subscribe(() => published++);
    store.begin(1, SHARED, { kind: 'rangeTest', settings: SETTINGS, steps: 100 });
    expect(runningJob(store.getSnapshot())).toBe('rangeTest');
    store.handle({ type: 'tune', jobId: 1, update: { kind: 'range', points: [point(1), point(2)] } });
    store.handle({ type: 'tune', jobId: 0, update: { kind: 'range', points: [point(9)] } });
    store.handle({ type: 'tune', jobId: 1, update: { kind: 'range', points: [point(3)] } });
    expect(store.getSnapshot().range?.points.map((p) => p.step)).toEqual([1, 2, 3]);
    store.handle({ type: 'tune', jobId: 1, update: ended('done') });
    const r = store.getSnapshot().range!;
    expect(r.status).toBe('done');
    expect(r.tensors).toEqual({ before: 10, after: 10 });
    expect(runningJob(store.getSnapshot())).toBeNull();
    expect(published).toBe(4); // begin, two batches of points, the end: not the other job's event
  });

  it('keeps the last range test while a search runs, and fills the search in', () => {
    const store = new TuneStore();
    store.begin(1, SHARED, { kind: 'rangeTest', settings: SETTINGS, steps: 100 });
    store.handle({ type: 'tune', jobId: 1, update: ended('done') });
    store.begin(2, SHARED, { kind: 'search', trials: [SETTINGS, SETTINGS], steps: 20 });
    store.handle({
      type: 'tune',
      jobId: 2,
      update: { kind: 'search', firstTrial: 0, trialCount: 2, step: 10 },
    });
    const result = { trial: 1, trainLoss: 1, validation: { loss: 1, accuracy: 0.5 }, divergedAt: null };
    store.handle({ type: 'tune', jobId: 2, update: { kind: 'trial', result } });
    // A late event of the range test changes nothing.
    store.handle({ type: 'tune', jobId: 1, update: { kind: 'trial', result: { ...result, trial: 0 } } });
    const { range, search } = store.getSnapshot();
    expect(range?.status).toBe('done');
    expect(search?.progress).toEqual({ firstTrial: 0, trialCount: 2, step: 10 });
    expect(search?.results).toEqual([result]);
    expect(runningJob(store.getSnapshot())).toBe('search');
  });

  it('shows a cancel at once and ignores what the cancelled job still sends, but its tensor count', () => {
    const store = new TuneStore();
    store.begin(3, SHARED, { kind: 'search', trials: [SETTINGS], steps: 20 });
    store.cancel(3);
    expect(store.getSnapshot().search?.status).toBe('cancelled');
    store.handle({
      type: 'tune',
      jobId: 3,
      update: { kind: 'search', firstTrial: 0, trialCount: 1, step: 5 },
    });
    expect(store.getSnapshot().search?.progress).toBeNull();
    store.handle({
      type: 'tune',
      jobId: 3,
      update: { ...ended('cancelled'), tensorsAfter: 11 } as TuneUpdate,
    });
    expect(store.getSnapshot().search).toMatchObject({
      status: 'cancelled',
      tensors: { before: 10, after: 11 },
    });
  });

  it('says why a job failed, or that its worker was replaced', () => {
    const store = new TuneStore();
    store.begin(4, SHARED, { kind: 'rangeTest', settings: SETTINGS, steps: 100 });
    store.handle({ type: 'tune', jobId: 4, update: ended('error', 'no data') });
    expect(store.getSnapshot().range?.message?.(EN)).toBe('no data');
    store.begin(5, SHARED, { kind: 'rangeTest', settings: SETTINGS, steps: 100 });
    store.lost(5);
    expect(store.getSnapshot().range?.status).toBe('error');
    expect(store.getSnapshot().range?.message?.(EN)).toBe(EN.tune.workerLost);
  });
});

// The page's session store and the live-change coalescer, without a browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveChanges } from '../../src/client/liveChanges';
import { withoutSettled } from '../../src/client/useExperiment';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { Session, type AppliedChange } from '../../src/client/session';

afterEach(() => {
  vi.useRealTimers();
});

const metrics = (runId: number, lanes: Record<string, number[]>) => ({
  type: 'metrics' as const,
  runId,
  lanes: Object.entries(lanes).map(([lane, steps]) => ({
    lane,
    points: steps.map((step) => ({ step, epoch: 0, loss: 1 / step, accuracy: 0.5 })),
    internals: [],
  })),
  stepsPerEpoch: 100,
  totalSteps: 1000,
  samples: 96,
  trainingMs: 50,
});

describe('Session', () => {
  it('appends points per lane, keeps evaluations, forwards applied changes and clears on a new run', () => {
    const applied: AppliedChange[] = [];
    const s = new Session(0);
    s.listenApplied((e) => applied.push(e));
    let published = 0;
    s.subscribe(() => published++);
    s.newRun(1, ['a', 'b']);
    s.handle(metrics(1, { a: [1, 2, 3], b: [1, 2, 3] }));
    s.handle({
      type: 'applied',
      runId: 1,
      lane: 'b',
      changeId: 5,
      step: 4,
      change: { key: 'beta2', value: 0.9 },
    });
    s.handle({ type: 'eval', runId: 1, lane: 'a', split: 'validation', step: 3, loss: 0.5, accuracy: 0.8 });
    s.handle({ type: 'eval', runId: 1, lane: 'b', split: 'test', step: 3, loss: 0.4, accuracy: 0.9 });
    s.handle({ type: 'laneStopped', runId: 1, lane: 'b', step: 3, message: 'diverged' });
    const snap = s.getSnapshot();
    expect([...snap.lanes.a!.points].map((p) => p.step)).toEqual([1, 2, 3]);
    expect(snap.step).toBe(3);
    expect(applied.map((e) => [e.lane, e.step])).toEqual([['b', 4]]);
    expect(snap.lanes.a!.validation).toEqual([{ step: 3, loss: 0.5, accuracy: 0.8 }]);
    expect(snap.lanes.b!.test).toEqual({ step: 3, loss: 0.4, accuracy: 0.9 });
    expect(snap.lanes.b!.stopped).toBe('diverged');
    expect(published).toBeGreaterThanOrEqual(5);
    s.newRun(2, ['c']);
    expect(s.getSnapshot()).toMatchObject({ runId: 2, step: 0, state: 'idle' });
    expect(Object.keys(s.getSnapshot().lanes)).toEqual(['c']);
    expect(s.getSnapshot().lanes.c!.points.length).toBe(0);
  });

  it('tells how many training images are in while the rest arrives, and when all is there', () => {
    const s = new Session(0);
    s.handle({ type: 'loading', loadedBytes: 900_000, totalBytes: 11_500_000 });
    s.handle({
      type: 'loaded',
      trainCount: 55_000,
      validationCount: 5000,
      testCount: 10_000,
      gpuDataBytes: 1,
    });
    s.handle({ type: 'arrived', trainArrived: 5000, trainCount: 55_000, validation: false, test: false });
    expect(s.getSnapshot()).toMatchObject({
      dataReady: true,
      arrivedTrain: 5000,
      trainCount: 55_000,
      dataComplete: false,
      // The download goes on after training can start, so its progress stays.
      loading: { loadedBytes: 900_000, totalBytes: 11_500_000 },
    });
    s.handle({ type: 'downloadFailed', file: 'train-images-idx3-ubyte.5000-15000', message: 'HTTP 503' });
    s.handle({ type: 'arrived', trainArrived: 55_000, trainCount: 55_000, validation: true, test: false });
    expect(s.getSnapshot()).toMatchObject({ arrivedTrain: 55_000, dataComplete: false });
    expect(s.getSnapshot().download?.kind).toBe('failed');
    s.handle({ type: 'arrived', trainArrived: 55_000, trainCount: 55_000, validation: true, test: true });
    expect(s.getSnapshot()).toMatchObject({ dataComplete: true, loading: null, download: null });
  });

  it('publishes metrics at most once per throttle window', () => {
    vi.useFakeTimers();
    const s = new Session(100);
    s.newRun(0, ['a']);
    let published = 0;
    s.subscribe(() => published++);
    for (let i = 1; i <= 50; i++) s.handle(metrics(0, { a: [i] }));
    expect(published).toBe(0);
    vi.advanceTimersByTime(100);
    expect(published).toBe(1);
    expect(s.getSnapshot().lanes.a!.points).toHaveLength(50);
  });
});

describe('LiveChanges', () => {
  it('coalesces a slider drag into one change of the last value', () => {
    vi.useFakeTimers();
    const sent: unknown[] = [];
    const live = new LiveChanges((...args) => sent.push(args), 250);
    live.edit('r1', 0.999, { key: 'beta2', value: 0.99 });
    vi.advanceTimersByTime(100);
    live.edit('r1', 0.99, { key: 'beta2', value: 0.95 });
    live.edit('r2', 0.999, { key: 'beta2', value: 0.5 });
    vi.advanceTimersByTime(100);
    live.edit('r1', 0.95, { key: 'beta2', value: 0.9 });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(sent).toEqual([
      ['r2', { key: 'beta2', value: 0.5 }],
      ['r1', { key: 'beta2', value: 0.9 }],
    ]);
  });

  it('flushes waiting changes before an optimizer switch, drops no-ops, cancels on reset', () => {
    vi.useFakeTimers();
    const sent: unknown[] = [];
    const live = new LiveChanges((...args) => sent.push(args), 250);
    live.edit('r1', 0.001, { key: 'learningRate', value: 0.01 });
    live.edit('r1', 'adam', { key: 'optimizer', value: 'sgd' });
    expect(sent).toEqual([
      ['r1', { key: 'learningRate', value: 0.01 }],
      ['r1', { key: 'optimizer', value: 'sgd' }],
    ]);
    live.edit('r1', 1e-7, { key: 'epsilon', value: 1e-3 });
    live.edit('r1', 1e-3, { key: 'epsilon', value: 1e-7 });
    vi.advanceTimersByTime(300);
    live.edit('r1', 0.9, { key: 'momentum', value: 0.5 });
    live.cancel();
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(2);
  });
});

describe('Session while the tab is hidden or a control is dragged', () => {
  it('keeps recording without publishing, then publishes once when shown', () => {
    const s = new Session(0);
    let published = 0;
    s.subscribe(() => published++);
    s.newRun(1, ['a']);
    const before = published;
    s.hold('hidden', true);
    for (let i = 0; i < 5; i++)
      s.handle({
        type: 'metrics',
        runId: 1,
        lanes: [{ lane: 'a', points: [{ step: i + 1, epoch: 0, loss: 1, accuracy: 0.5 }], internals: [] }],
        stepsPerEpoch: 10,
        totalSteps: 100,
        samples: 32,
        trainingMs: i,
      });
    s.handle({ type: 'state', runId: 1, state: 'finished', step: 5 });
    expect(published).toBe(before);
    // A drag starting and ending while hidden does not publish either: both holds must go.
    s.hold('interacting', true);
    s.hold('interacting', false);
    expect(published).toBe(before);
    s.hold('hidden', false);
    expect(published).toBe(before + 1);
    expect(s.getSnapshot().lanes.a!.points).toHaveLength(5);
    expect(s.getSnapshot().state).toBe('finished');
    s.hold('hidden', true);
    s.hold('hidden', false);
    expect(published).toBe(before + 1); // nothing new: no redraw
  });
});

describe('Session samples/s', () => {
  it('shows the rate over the last seconds of wall time, not over the gap between two reports', () => {
    let now = 0;
    const s = new Session(0, () => now);
    s.newRun(1, ['a', 'b']);
    s.handle({ type: 'state', runId: 1, state: 'running', step: 0 });
    let step = 0;
    // Two lanes at batch 32, one step per report, reports arriving in pairs 2 ms apart every 250 ms:
    // 2 × 2 × 32 samples per 250 ms = 512 samples/s (the gap of 2 ms would say 32,000).
    for (let i = 0; i < 40; i++) {
      for (const gap of [0, 2]) {
        now = 250 * (i + 1) + gap;
        step++;
        s.handle({ ...metrics(1, { a: [step], b: [step] }), samples: 64 });
      }
    }
    expect(s.getSnapshot().samplesPerSec).toBeGreaterThan(500);
    expect(s.getSnapshot().samplesPerSec).toBeLessThan(525);
    expect(s.getSnapshot().step).toBe(80);
  });
});

describe('withoutSettled', () => {
  it('drops only the draft values the recorded settings already show', () => {
    const shown = settingsOf(DEFAULT_CONFIG);
    const draft = { learningRate: 0.01, beta2: shown.beta2 };
    expect(withoutSettled(draft, shown)).toEqual({ learningRate: 0.01 });
    const pending = { learningRate: 0.01 };
    expect(withoutSettled(pending, shown)).toBe(pending); // nothing to drop: the same object
    expect(withoutSettled(undefined, shown)).toBeUndefined();
  });
});

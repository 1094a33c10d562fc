// The page's session store and the live-change coalescer, without a browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveChanges } from '../../src/client/liveChanges';
import { Session } from '../../src/client/session';
import type { LiveChange } from '../../src/protocol';

afterEach(() => {
  vi.useRealTimers();
});

const metrics = (runId: number, steps: number[]) => ({
  type: 'metrics' as const,
  runId,
  points: steps.map((step) => ({ step, epoch: 0, loss: 1 / step, accuracy: 0.5 })),
  stepsPerEpoch: 100,
  totalSteps: 1000,
  samplesPerSec: 3200,
  trainingMs: 50,
});

describe('Session', () => {
  it('appends points, labels markers at the acknowledged step, and clears on a new run', () => {
    const s = new Session(0);
    let published = 0;
    s.subscribe(() => published++);
    s.newRun(1);
    s.handle(metrics(1, [1, 2, 3]));
    s.expectChange(5, 'β2 0.999 → 0.9');
    s.handle({ type: 'applied', runId: 1, changeId: 5, step: 4, change: { kind: 'hyper', changes: { beta2: 0.9 } } });
    s.handle({ type: 'eval', runId: 1, split: 'validation', step: 3, loss: 0.5, accuracy: 0.8 });
    const snap = s.getSnapshot();
    expect(snap.points.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(snap.step).toBe(3);
    expect(snap.markers).toEqual([{ step: 4, label: 'β2 0.999 → 0.9' }]);
    expect(snap.validation).toEqual([{ step: 3, loss: 0.5, accuracy: 0.8 }]);
    expect(published).toBeGreaterThanOrEqual(4);
    s.newRun(2);
    expect(s.getSnapshot()).toMatchObject({ runId: 2, points: [], markers: [], step: 0, state: 'idle' });
  });

  it('does not mark a change made before the first step', () => {
    const s = new Session(0);
    s.handle({ type: 'applied', runId: 0, changeId: 1, step: 1, change: { kind: 'optimizer', optimizer: 'sgd' } });
    expect(s.getSnapshot().markers).toEqual([]);
  });

  it('publishes metrics at most once per throttle window', () => {
    vi.useFakeTimers();
    const s = new Session(100);
    let published = 0;
    s.subscribe(() => published++);
    for (let i = 1; i <= 50; i++) s.handle(metrics(0, [i]));
    expect(published).toBe(0);
    vi.advanceTimersByTime(100);
    expect(published).toBe(1);
    expect(s.getSnapshot().points).toHaveLength(50);
  });
});

describe('LiveChanges', () => {
  it('coalesces a slider drag into one change labelled first → last', () => {
    vi.useFakeTimers();
    const sent: [LiveChange, string][] = [];
    const live = new LiveChanges((c, l) => sent.push([c, l]), 250);
    live.hyper('beta2', 0.999, 0.99);
    vi.advanceTimersByTime(100);
    live.hyper('beta2', 0.99, 0.95);
    vi.advanceTimersByTime(100);
    live.hyper('beta2', 0.95, 0.9);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(sent).toEqual([[{ kind: 'hyper', changes: { beta2: 0.9 } }, 'β2 0.999 → 0.9']]);
  });

  it('flushes waiting changes before an optimizer switch, drops no-ops, cancels on reset', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const live = new LiveChanges((_c, l) => sent.push(l), 250);
    live.hyper('learningRate', 0.001, 0.01);
    live.optimizer('adam', 'sgd');
    expect(sent).toEqual(['Learning rate 0.001 → 0.01', 'Optimizer Adam → SGD']);
    live.hyper('epsilon', 1e-7, 1e-3);
    live.hyper('epsilon', 1e-3, 1e-7);
    vi.advanceTimersByTime(300);
    live.hyper('momentum', 0.9, 0.5);
    live.cancel();
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(2);
  });
});

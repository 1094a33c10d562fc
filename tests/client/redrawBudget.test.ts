// How often the page publishes new points: bounded by what redrawing them costs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PUBLISH_MS, MIN_PUBLISH_MS, RedrawBudget } from '../../src/client/redrawBudget';
import { Session } from '../../src/client/session';

afterEach(() => {
  vi.useRealTimers();
});

describe('RedrawBudget', () => {
  it('keeps redraws to a fifth of the time, between 200 ms and 1 s apart', () => {
    const b = new RedrawBudget();
    expect(b.intervalMs).toBe(MIN_PUBLISH_MS); // nothing measured yet
    b.observe(10);
    expect(b.intervalMs).toBe(MIN_PUBLISH_MS); // a fast machine: 10 ms in 200 is 5 %
    const slow = new RedrawBudget();
    slow.observe(100);
    expect(slow.intervalMs).toBe(500);
    slow.observe(1000);
    expect(slow.intervalMs).toBe(MAX_PUBLISH_MS);
  });

  it('follows a running average, so one slow redraw does not halve the rate', () => {
    const b = new RedrawBudget();
    for (let i = 0; i < 20; i++) b.observe(60);
    b.observe(400);
    expect(b.intervalMs).toBeGreaterThan(300);
    expect(b.intervalMs).toBeLessThan(900);
    b.observe(Number.NaN);
    b.observe(-5);
    expect(b.intervalMs).toBeGreaterThan(300); // nonsense is ignored
  });
});

describe('Session publishing', () => {
  it('publishes new points less often when the page takes long to redraw them', () => {
    vi.useFakeTimers();
    let now = 0;
    const s = new Session(MIN_PUBLISH_MS, () => now);
    let published = 0;
    s.subscribe(() => {
      published++;
      now += 100; // each redraw takes 100 ms of the main thread
    });
    s.newRun(1, ['a']);
    vi.advanceTimersByTime(10); // the redraw's cost is measured over the tasks after it
    const metrics = (step: number) => ({
      type: 'metrics' as const,
      runId: 1,
      lanes: [{ lane: 'a', points: [{ step, epoch: 0, loss: 1, accuracy: 0.5 }], internals: [] }],
      stepsPerEpoch: 100,
      totalSteps: 1000,
      samples: 32,
      trainingMs: step,
    });
    const before = published;
    s.handle(metrics(1));
    vi.advanceTimersByTime(MIN_PUBLISH_MS);
    expect(published).toBe(before); // 100 ms of redraw every 200 ms would be half the machine
    vi.advanceTimersByTime(500 - MIN_PUBLISH_MS);
    expect(published).toBe(before + 1);
  });
});

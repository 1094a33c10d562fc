// Interaction watching: active from the first input until SETTLE_MS after the last, held while a pointer is down.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS, watchInteraction } from '../../src/client/interaction';

afterEach(() => vi.useRealTimers());

describe('watchInteraction', () => {
  it('reports a drag once as active, and inactive after it settles', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const seen: boolean[] = [];
    const stop = watchInteraction((a) => seen.push(a), target);
    target.dispatchEvent(new Event('pointerdown'));
    for (let i = 0; i < 5; i++) target.dispatchEvent(new Event('input'));
    vi.advanceTimersByTime(SETTLE_MS * 3);
    expect(seen).toEqual([true]); // the pointer is still down
    target.dispatchEvent(new Event('pointerup'));
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(seen).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([true, false]);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(seen).toEqual([true, false, true, false]);
    stop();
    target.dispatchEvent(new Event('keydown'));
    expect(seen).toHaveLength(4);
  });

  it('counts only the events a filter accepts, yet a release anywhere ends the drag', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const seen: boolean[] = [];
    const accepted = new Set<Event>();
    watchInteraction(
      (a) => seen.push(a),
      target,
      (e) => accepted.has(e),
    );
    target.dispatchEvent(new Event('pointerdown')); // a button, say
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(seen).toEqual([]);
    const down = new Event('pointerdown');
    accepted.add(down);
    target.dispatchEvent(down);
    target.dispatchEvent(new Event('pointerup'));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(seen).toEqual([true, false]);
  });
});

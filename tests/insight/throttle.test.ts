// The drawing's throttle: the first request at once, at most one per interval after, the last one kept.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../src/insight/throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Throttle', () => {
  it('calls at once, then once per interval however often asked, ending on the last request', () => {
    const fn = vi.fn();
    const t = new Throttle(250, fn, () => Date.now());
    t.request();
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(20);
      t.request();
    }
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('flush calls now and drops the pending call; cancel drops it', () => {
    const fn = vi.fn();
    const t = new Throttle(250, fn, () => Date.now());
    t.request();
    t.request();
    t.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
    t.request();
    expect(fn).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(10);
    t.request();
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(3);
  });
});

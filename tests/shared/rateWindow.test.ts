// The shown training rate: samples over a window of wall time, whatever the gaps between reports.
import { describe, expect, it } from 'vitest';
import { RateWindow } from '../../src/shared/rateWindow';

describe('RateWindow', () => {
  it('reads steps × batch × runs ÷ time when reports arrive back to back', () => {
    // 3 runs at batch 32, 2 steps a report: 192 samples. Reports arrive in pairs 1 ms apart every 400 ms,
    // i.e. 384 samples per 400 ms = 960 samples/s; a rate over the last gap read 192,000.
    const w = new RateWindow(5000, 500);
    w.start(0);
    for (let t = 400; t <= 8000; t += 400) {
      w.add(t - 1, 192);
      w.add(t, 192);
    }
    expect(w.rate()).toBeCloseTo(960, 6);
  });

  it('covers only the last window, so a slowdown shows within it', () => {
    const w = new RateWindow(5000, 500);
    w.start(0);
    for (let t = 100; t <= 10_000; t += 100) w.add(t, 320); // 3,200 samples/s
    for (let t = 10_100; t <= 16_000; t += 100) w.add(t, 32); // then 320 samples/s
    expect(w.rate()).toBeCloseTo(320, 0);
  });

  it('says nothing before the window spans half a second, or before training starts', () => {
    const w = new RateWindow(5000, 500);
    w.add(100, 32);
    expect(w.rate()).toBeNull();
    w.start(1000);
    w.add(1001, 32_000);
    expect(w.rate()).toBeNull(); // one report 1 ms after Start is not a speed
    w.add(1600, 0);
    expect(w.rate()).toBeCloseTo(32_000 / 0.6, 6);
  });

  it('starts afresh after a pause: the paused time does not lower the rate', () => {
    const w = new RateWindow(5000, 500);
    w.start(0);
    for (let t = 100; t <= 2000; t += 100) w.add(t, 100);
    w.start(60_000); // resumed a minute later
    for (let t = 60_100; t <= 61_000; t += 100) w.add(t, 100);
    expect(w.rate()).toBeCloseTo(1000, 6);
  });
});

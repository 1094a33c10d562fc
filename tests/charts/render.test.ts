// Smoke checks of the chart components under server rendering (recharts draws nothing there, so
// this covers wiring and the wrapper only) and of the per-run series cache.
import { describe, it, expect } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { AccuracyChart, LossChart, type ChartRun } from '../../src/charts';
import { runSeries } from '../../src/charts/useRunSeries';
import type { MetricPoint } from '../../src/protocol';

function makeRun(steps: number): ChartRun {
  return {
    id: 'a',
    name: 'Adam',
    color: '#0072B2',
    points: Array.from({ length: steps }, (_, i) => ({
      step: i + 1,
      epoch: Math.floor(i / 500),
      loss: 2 / (1 + i / 100),
      accuracy: 0.5,
    })),
    validation: [{ step: 500, loss: 0.5, accuracy: 0.8 }],
    markers: [{ step: 1200, label: 'β2 0.999 → 0.9' }],
  };
}

describe('chart components', () => {
  it('render with data, labelled for assistive technology', () => {
    const run = makeRun(3000);
    const loss = renderToString(
      createElement(LossChart, {
        runs: [run],
        smoothing: 0.6,
        logScale: true,
        stepsPerEpoch: 500,
        version: 3,
      }),
    );
    const acc = renderToString(
      createElement(AccuracyChart, {
        runs: [run, { ...run, id: 'b', name: 'SGD' }],
        smoothing: 0,
        stepsPerEpoch: 500,
      }),
    );
    expect(loss).toContain('aria-label="Loss chart"');
    expect(acc).toContain('aria-label="Accuracy chart"');
  });

  it('show the hint only while there is nothing to draw', () => {
    const hint = 'Press Start to train';
    const empty = renderToString(
      createElement(LossChart, {
        runs: [],
        smoothing: 0.6,
        logScale: false,
        stepsPerEpoch: 0,
        emptyHint: hint,
      }),
    );
    const emptyRun = renderToString(
      createElement(AccuracyChart, {
        runs: [{ ...makeRun(0), validation: [] }],
        smoothing: 0.6,
        stepsPerEpoch: 0,
        emptyHint: hint,
      }),
    );
    const full = renderToString(
      createElement(LossChart, {
        runs: [makeRun(10)],
        smoothing: 0.6,
        logScale: false,
        stepsPerEpoch: 0,
        emptyHint: hint,
      }),
    );
    expect(empty).toContain(hint);
    expect(emptyRun).toContain(hint);
    expect(full).not.toContain(hint);
  });
});

describe('runSeries cache', () => {
  it('reuses a run until points are appended or options change', () => {
    const run = makeRun(100);
    const opts = { metric: 'loss', smoothing: 0.6 } as const;
    const first = runSeries(run, opts);
    expect(runSeries(run, opts)).toBe(first);
    expect(runSeries(run, { ...opts, metric: 'accuracy' })).not.toBe(first);
    expect(runSeries(run, opts)).toBe(first);
    expect(runSeries(run, { ...opts, smoothing: 0.9 })).not.toBe(first);
    (run.points as MetricPoint[]).push({ step: 101, epoch: 0, loss: 0.1, accuracy: 1 });
    const grown = runSeries(run, { ...opts, smoothing: 0.9 });
    expect(grown.train.at(-1)?.step).toBe(101);
  });
});

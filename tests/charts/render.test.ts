// @vitest-environment happy-dom
// What the chart components draw: recharts renders into happy-dom (no layout, so charts get a fixed
// width) and the tests read the SVG it produced. Server rendering is no substitute: recharts 3 builds
// its lines from effects after mount. Also the per-run series cache.
import { afterEach, describe, it, expect } from 'vitest';
import { act, createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { AccuracyChart } from '../../src/charts/AccuracyChart';
import { runTextColor } from '../../src/charts/contrast';
import { LossChart } from '../../src/charts/LossChart';
import type { ChartRun } from '../../src/charts/types';
import { runSeries } from '../../src/charts/useRunSeries';
import type { EvalPoint, MetricPoint } from '../../src/shared/metrics';

const BLUE = '#0072B2';
const ORANGE = '#D55E00';
const EPOCH_GREY = '#9ca3af';
const WIDTH = 800;

function makeRun(steps: number): ChartRun {
  return {
    id: 'a',
    name: 'Adam',
    color: BLUE,
    points: Array.from({ length: steps }, (_, i) => ({
      step: i + 1,
      epoch: Math.floor(i / 500),
      loss: 2 / (1 + i / 100),
      accuracy: 0.5 + 0.4 * (i / steps),
    })),
    validation: Array.from({ length: Math.floor(steps / 500) }, (_, k) => ({
      step: (k + 1) * 500,
      loss: 1 / (k + 2),
      accuracy: 0.8,
    })),
    // The second lies past the last step, so it is not drawn yet.
    markers: [
      { step: 1200, label: 'β2 0.999 → 0.9' },
      { step: steps + 100, label: 'lr 0.01 → 0.001' },
    ],
  };
}

// React warns unless the environment says updates are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const unmount of mounted.splice(0)) await unmount();
});

/** Mounts `element` and waits until recharts' follow-up renders settle. */
async function drawChart(element: ReactElement): Promise<Element> {
  const root = document.body.appendChild(document.createElement('div'));
  const reactRoot = createRoot(root);
  await act(async () => reactRoot.render(element));
  for (let i = 0; i < 10; i++) {
    const before = root.innerHTML;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    if (root.innerHTML === before) break;
  }
  mounted.push(async () => {
    await act(async () => reactRoot.unmount());
    root.remove();
  });
  return root;
}

const byClass = (root: Element, name: string) => Array.from(root.getElementsByClassName(name));

/** The data lines drawn (plotLayer.tsx), with the number of points each path visits. */
function curves(root: Element) {
  return byClass(root, 'plot-curve').map((path) => {
    const d = path.getAttribute('d') ?? '';
    return {
      name: path.getAttribute('name'),
      stroke: path.getAttribute('stroke'),
      dash: path.getAttribute('stroke-dasharray'),
      opacity: path.getAttribute('stroke-opacity'),
      points: d.match(/[ML]/g)?.length ?? 0,
      finite: !/NaN|Infinity/.test(d),
    };
  });
}

/** Vertical guide lines, left to right as drawn, with their x position in pixels. */
function guides(root: Element) {
  return byClass(root, 'guide-line').map((line) => ({
    stroke: line.getAttribute('stroke'),
    dash: line.getAttribute('stroke-dasharray'),
    x: Number(line.getAttribute('x1')),
  }));
}

const labels = (root: Element) =>
  byClass(root, 'guide-label').map((t) => ({ text: t.textContent, fill: t.getAttribute('fill') }));
const legend = (root: Element) => byClass(root, 'chart-legend-text').map((s) => s.textContent);
const tickLabels = (root: Element, axis: 'xAxis' | 'yAxis') =>
  byClass(root, `recharts-${axis}-tick-labels`).flatMap((g) =>
    byClass(g, 'recharts-cartesian-axis-tick-value').map((t) => t.textContent),
  );

describe('chart drawing', () => {
  it("draws a run's raw, smoothed and validation lines in its colour", async () => {
    const run = makeRun(3000);
    const root = await drawChart(
      createElement(LossChart, {
        runs: [run],
        smoothing: 0.6,
        logScale: true,
        stepsPerEpoch: 500,
        width: WIDTH,
      }),
    );
    expect(byClass(root, 'chart-title').map((h) => h.textContent)).toEqual(['Loss (cross-entropy)']);
    expect((root.firstChild as Element).getAttribute('aria-label')).toBe('Loss chart');

    const lines = curves(root);
    expect(lines.map((l) => l.name)).toEqual(['training (raw)', 'training (smoothed)', 'validation']);
    for (const line of lines) {
      expect(line.stroke).toBe(BLUE);
      expect(line.finite).toBe(true);
    }
    const [raw, smooth, val] = lines;
    // 3,000 steps thinned to at most 500 points per line, but a drawn polyline all the same.
    expect(raw!.points).toBeGreaterThan(400);
    expect(raw!.opacity).toBe('0.25');
    expect(smooth!.points).toBeGreaterThan(400);
    expect(smooth!.dash).toBeNull();
    expect(val!.points).toBe(run.validation.length);
    expect(val!.dash).toBe('6 4');
    const dots = byClass(root, 'plot-dot');
    expect(dots).toHaveLength(run.validation.length);
    for (const dot of dots) expect(dot.getAttribute('fill')).toBe(BLUE);

    expect(legend(root)).toEqual(['training (smoothed)', 'validation']);
    expect(tickLabels(root, 'xAxis').length).toBeGreaterThan(1);
    expect(tickLabels(root, 'yAxis').length).toBeGreaterThan(1);
  });

  it('marks epochs and live changes with labelled vertical lines', async () => {
    const run = makeRun(3000);
    const root = await drawChart(
      createElement(LossChart, {
        runs: [run],
        smoothing: 0.6,
        logScale: false,
        stepsPerEpoch: 500,
        width: WIDTH,
      }),
    );
    const lines = guides(root);
    const epochs = lines.filter((l) => l.stroke === EPOCH_GREY);
    expect(epochs).toHaveLength(6);
    for (const e of epochs) expect(e.dash).toBe('2 4');
    expect(labels(root).filter((l) => l.text.startsWith('epoch'))).toEqual(
      [2, 3, 4, 5, 6, 7].map((k) => ({ text: `epoch ${k}`, fill: '#6b7280' })),
    );

    // Only the marker within the drawn steps, dashed in the run's colour between the epoch 3 and 4 lines.
    const markers = lines.filter((l) => l.stroke === BLUE);
    expect(markers).toHaveLength(1);
    expect(markers[0]!.dash).toBe('5 3');
    expect(markers[0]!.x).toBeGreaterThan(epochs[1]!.x);
    expect(markers[0]!.x).toBeLessThan(epochs[2]!.x);
    expect(labels(root).filter((l) => !l.text.startsWith('epoch'))).toEqual([
      { text: 'β2 0.999 → 0.9', fill: runTextColor(BLUE) },
    ]);
  });

  it('draws no epoch lines while steps per epoch are unknown', async () => {
    const root = await drawChart(
      createElement(LossChart, {
        runs: [makeRun(3000)],
        smoothing: 0.6,
        logScale: false,
        stepsPerEpoch: 0,
        width: WIDTH,
      }),
    );
    expect(guides(root).map((l) => l.stroke)).toEqual([BLUE]);
    expect(labels(root).map((l) => l.text)).toEqual(['β2 0.999 → 0.9']);
  });

  it('draws no raw line without smoothing', async () => {
    const root = await drawChart(
      createElement(AccuracyChart, { runs: [makeRun(3000)], smoothing: 0, stepsPerEpoch: 500, width: WIDTH }),
    );
    expect(curves(root).map((l) => l.name)).toEqual(['training', 'validation']);
    expect(legend(root)).toEqual(['training', 'validation']);
  });

  it('names each run in the legend when comparing, each in its own colour', async () => {
    const adam = makeRun(3000);
    const sgd = { ...makeRun(2000), id: 'b', name: 'SGD', color: ORANGE };
    const root = await drawChart(
      createElement(AccuracyChart, { runs: [adam, sgd], smoothing: 0.6, stepsPerEpoch: 500, width: WIDTH }),
    );
    expect((root.firstChild as Element).getAttribute('aria-label')).toBe('Accuracy chart');
    expect(legend(root)).toEqual(['Adam', 'SGD']);
    // In a race the faded raw lines are left out: smoothed and validation per run.
    expect(curves(root).map((l) => [l.name, l.stroke])).toEqual([
      ['Adam', BLUE],
      ['Adam: validation', BLUE],
      ['SGD', ORANGE],
      ['SGD: validation', ORANGE],
    ]);
    expect(byClass(root, 'chart-key').map((p) => p.textContent)).toEqual([
      'Solid: training (smoothed) · dots on a dashed line: validation',
    ]);
    // Both runs' changes at step 1200; SGD's second marker (step 2100) is within Adam's 3,000 steps.
    expect(labels(root).filter((l) => !l.text.startsWith('epoch'))).toEqual([
      { text: 'β2 0.999 → 0.9', fill: runTextColor(BLUE) },
      { text: 'β2 0.999 → 0.9', fill: runTextColor(ORANGE) },
      { text: 'lr 0.01 → 0.001', fill: runTextColor(ORANGE) },
    ]);
  });

  it('shows the hint and bare axes only while there is nothing to draw', async () => {
    const hint = 'Press Start to train';
    const empty = await drawChart(
      createElement(LossChart, {
        runs: [],
        smoothing: 0.6,
        logScale: false,
        stepsPerEpoch: 0,
        emptyHint: hint,
        width: WIDTH,
      }),
    );
    const emptyRun = await drawChart(
      createElement(AccuracyChart, {
        runs: [{ ...makeRun(0), validation: [] }],
        smoothing: 0.6,
        stepsPerEpoch: 0,
        emptyHint: hint,
        width: WIDTH,
      }),
    );
    const full = await drawChart(
      createElement(LossChart, {
        runs: [makeRun(10)],
        smoothing: 0.6,
        logScale: false,
        stepsPerEpoch: 0,
        emptyHint: hint,
        width: WIDTH,
      }),
    );
    expect(empty.textContent).toContain(hint);
    expect(emptyRun.textContent).toContain(hint);
    expect(full.textContent).not.toContain(hint);
    // Empty axes still get ticks, so the chart does not look broken before the first step.
    expect(curves(empty)).toEqual([]);
    expect(tickLabels(empty, 'yAxis').length).toBeGreaterThan(1);
    expect(curves(emptyRun)).toEqual([]);
    expect(tickLabels(emptyRun, 'yAxis')).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    expect(curves(full).length).toBe(2);
  });
  it('reads out the values under the pointer without redrawing the chart', async () => {
    const run = makeRun(3000);
    const root = await drawChart(
      createElement(LossChart, {
        runs: [run],
        smoothing: 0,
        logScale: false,
        stepsPerEpoch: 500,
        width: WIDTH,
      }),
    );
    expect(byClass(root, 'chart-readout')).toHaveLength(0);
    const hover = byClass(root, 'plot-hover')[0]!;
    const before = root.querySelector('.plot-curve')!;
    // happy-dom lays nothing out, so the pointer reads as the axis' left end: step 1's values.
    await act(async () => {
      hover.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 0 }));
    });
    const readout = byClass(root, 'chart-readout')[0]!;
    expect(readout.textContent).toContain('step 1');
    expect(readout.textContent).toContain(`training: ${(2).toPrecision(3)}`);
    expect(root.querySelector('.plot-curve')).toBe(before);
    await act(async () => {
      // React makes pointerleave from pointerout.
      hover.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: document.body }));
    });
    expect(byClass(root, 'chart-readout')).toHaveLength(0);
  });
});

describe('a diverged run in a race', () => {
  it('leaves the axis to the runs still learning, and is marked where it left', async () => {
    const calm = makeRun(1000);
    const wild: ChartRun = {
      ...makeRun(1000),
      id: 'w',
      name: 'SGD',
      color: ORANGE,
      markers: [],
      points: [...makeRun(1000).points].map((p) => (p.step >= 400 ? { ...p, loss: 1.3e10 } : p)),
    };
    const root = await drawChart(
      createElement(LossChart, {
        runs: [calm, wild],
        smoothing: 0,
        logScale: false,
        stepsPerEpoch: 500,
        width: WIDTH,
      }),
    );
    const ticks = tickLabels(root, 'yAxis').map((t) => Number(t));
    // The calm run's loss starts at 2: the axis tops out at a round number just above, not at 1.3e10.
    expect(Math.max(...ticks)).toBeLessThanOrEqual(5);
    expect(labels(root).map((l) => l.text)).toContain('SGD diverged');
    const line = guides(root).find((g) => g.stroke === ORANGE && g.dash === '2 2');
    expect(line).toBeDefined();
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
    // Validation rows did not change: the same array, not rebuilt.
    expect(grown.val).toBe(runSeries(run, { ...opts, smoothing: 0.9 }).val);
    const before = runSeries(run, { ...opts, smoothing: 0.9 });
    (run.points as MetricPoint[]).push({ step: 102, epoch: 0, loss: 0.1, accuracy: 1 });
    expect(runSeries(run, { ...opts, smoothing: 0.9 }).val).toBe(before.val);
    (run.validation as EvalPoint[]).push({ step: 102, loss: 0.2, accuracy: 0.9 });
    expect(runSeries(run, { ...opts, smoothing: 0.9 }).val).not.toBe(before.val);
  });
});

// The "Inside the optimizer" lines: a line per layer for one run, a line per run when comparing,
// values derived from the instruments (update/weight), and nothing a log axis cannot place.
import { describe, expect, it } from 'vitest';
import { internalsLines, layerValue } from '../../src/charts/internals';
import type { InternalsPoint } from '../../src/shared/internals';

const layer = (g: number, u: number, w: number, extra = {}) => ({
  gradNorm: g,
  updateNorm: u,
  weightNorm: w,
  ...extra,
});
const adamPoint = (step: number): InternalsPoint => ({
  step,
  layers: {
    'dense1.kernel': layer(1 / step, 0.01, 10, { stepMedian: 1e-3, stepP90: 2e-3, epsShare: 0.25 }),
    'dense1.bias': layer(0.5, 0.001, 1, { stepMedian: 1e-3, stepP90: 2e-3, epsShare: 0 }),
    'dense2.kernel': layer(2, 0.02, 4, { stepMedian: 1e-3, stepP90: 2e-3, epsShare: 0.5 }),
    'dense2.bias': layer(0.1, 0.001, 0.5, { stepMedian: 1e-3, stepP90: 2e-3, epsShare: 0 }),
  },
  biasCorrection1: 1 / (1 - 0.9 ** step),
  biasCorrection2: 1 / (1 - 0.999 ** step),
});
const sgdPoint = (step: number): InternalsPoint => ({
  step,
  layers: { 'dense1.kernel': layer(1, 0.1, 10), 'dense1.bias': layer(1, 0.1, 1) },
});
const adam = { id: 'a', name: 'Adam', color: '#009E73', internals: [1, 2, 3].map(adamPoint) };
const sgd = { id: 's', name: 'SGD', color: '#0072B2', internals: [1, 2, 3].map(sgdPoint) };

describe('internals lines', () => {
  it('draw one line per layer for one run, update/weight worked out from the norms', () => {
    const lines = internalsLines([adam], 'updateRatio', 'dense1.kernel');
    expect(lines.map((l) => l.name)).toEqual([
      'dense1.kernel',
      'dense1.bias',
      'dense2.kernel',
      'dense2.bias',
    ]);
    expect(lines[0]!.rows).toEqual([1, 2, 3].map((step) => ({ step, value: 0.001 })));
    expect(lines[2]!.rows[0]!.value).toBeCloseTo(0.005, 12);
    // Lines of one run share its colour and differ by dash.
    expect(new Set(lines.map((l) => l.color))).toEqual(new Set(['#009E73']));
    expect(new Set(lines.map((l) => l.dash)).size).toBe(4);
  });

  it('draw the two bias-correction factors, 1/(1−β^t), for one run', () => {
    const [b1, b2] = internalsLines([adam], 'biasCorrection', '');
    expect(b1!.rows.map((r) => r.value)).toEqual([1, 2, 3].map((t) => 1 / (1 - 0.9 ** t)));
    expect(b2!.rows[0]!.value).toBeCloseTo(1000, 6);
  });

  it('draw one line per run for the chosen layer when comparing, and leave out runs without the quantity', () => {
    const grads = internalsLines([sgd, adam], 'gradNorm', 'dense1.bias');
    expect(grads.map((l) => [l.name, l.rows[0]!.value])).toEqual([
      ['SGD', 1],
      ['Adam', 0.5],
    ]);
    // SGD has no ε share: only Adam's line is drawn.
    expect(internalsLines([sgd, adam], 'epsShare', 'dense2.kernel').map((l) => l.name)).toEqual(['Adam']);
    expect(internalsLines([sgd], 'epsShare', 'dense1.kernel')).toEqual([]);
  });

  it('leave out what a log axis cannot place', () => {
    const zero = { ...adam, internals: [{ ...adamPoint(1), layers: { 'dense1.kernel': layer(0, 0, 1) } }] };
    expect(internalsLines([zero], 'gradNorm', 'dense1.kernel')).toEqual([]);
    expect(layerValue('updateRatio', { step: 1, layers: { x: layer(1, 1, 0) } }, 'x')).toBeNull();
  });
});

describe('the learning rate ηₜ', () => {
  const warm = (step: number): InternalsPoint => ({ ...sgdPoint(step), lr: 0.1 * Math.min(1, step / 2) });
  it('is one line per run, not per layer, with the η each step used', () => {
    const run = { ...sgd, internals: [1, 2, 3].map(warm) };
    const lines = internalsLines([run], 'learningRate', '');
    expect(lines.map((l) => l.name)).toEqual(['ηₜ']);
    expect(lines[0]!.rows).toEqual([
      { step: 1, value: 0.05 },
      { step: 2, value: 0.1 },
      { step: 3, value: 0.1 },
    ]);
    expect(internalsLines([run, adam], 'learningRate', 'dense1.kernel').map((l) => l.name)).toEqual(['SGD']);
  });
});

// The equations with numbers: each line's arithmetic is the update rule's, the substituted values are the
// traced ones, and the last line's θ_{t+1} is the weight the engine actually wrote (float32).
import { beforeAll, describe, expect, it } from 'vitest';
import { texNumber, updateLines } from '../../src/equations/tex';
import { Trainer } from '../../src/engine/trainer';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import type { OptimizerName } from '../../src/shared/settings';
import type { TracePoint } from '../../src/shared/trace';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';

const HYPER = { ...settingsOf(DEFAULT_CONFIG), learningRate: 0.001 };

function trace(optimizer: OptimizerName, over: Partial<TracePoint> = {}): TracePoint {
  return {
    step: 3,
    optimizer,
    layer: 'dense2.kernel',
    index: 37,
    row: 3,
    col: 7,
    g: 0.2,
    thetaBefore: 0.5,
    thetaAfter: 0.499,
    slotsBefore: optimizer === 'adam' ? [0.1, 0.01] : optimizer === 'momentum' ? [0.3] : [],
    slotsAfter: [],
    hyper: { ...HYPER },
    rate: HYPER.learningRate,
    products: optimizer === 'adam' ? [0.9 ** 3, 0.999 ** 3] : [],
    ...over,
  };
}

const byId = (t: TracePoint) => Object.fromEntries(updateLines(t).map((l) => [l.id, l]));

describe('numbers in TeX', () => {
  it('keeps four significant digits and writes powers of ten outside 1e-3 … 1e4', () => {
    expect(texNumber(0)).toBe('0');
    expect(texNumber(-0.5)).toBe('-0.5');
    expect(texNumber(0.0012344)).toBe('0.001234');
    expect(texNumber(25000)).toBe('2.5 \\times 10^{4}');
    expect(texNumber(-3.2e-7)).toBe('-3.2 \\times 10^{-7}');
    expect(texNumber(9.99996e-5)).toBe('1 \\times 10^{-4}');
    expect(texNumber(Number.NaN)).toBe('\\text{NaN}');
  });
});

describe("Adam's six equations", () => {
  it('substitute the traced values and compute m_t, v_t, m̂_t, v̂_t and θ_{t+1} as the rule does', () => {
    const l = byId(trace('adam'));
    expect(Object.keys(l)).toEqual(['g', 'm', 'v', 'mHat', 'vHat', 'theta']);
    const m = 0.9 * 0.1 + 0.1 * 0.2;
    const v = 0.999 * 0.01 + 0.001 * 0.04;
    const mHat = m / (1 - 0.9 ** 3);
    const vHat = v / (1 - 0.999 ** 3);
    expect(l.m!.value).toBeCloseTo(m, 15);
    expect(l.m!.numbers).toBe('0.9 \\cdot 0.1 + 0.1 \\cdot 0.2 = 0.11');
    expect(l.v!.value).toBeCloseTo(v, 15);
    expect(l.mHat!.value).toBeCloseTo(mHat, 12);
    expect(l.mHat!.rule).toBe('\\hat{m}_t = \\dfrac{m_t}{1 - \\beta_1^t}');
    expect(l.vHat!.value).toBeCloseTo(vHat, 12);
    expect(l.theta!.value).toBeCloseTo(0.5 - (0.001 * mHat) / (Math.sqrt(vHat) + 1e-7), 12);
    expect(l.theta!.numbers.startsWith('0.5 - 0.001 \\cdot')).toBe(true);
  });

  it('drop the correction when it is off: m̂_t = m_t and v̂_t = v_t', () => {
    const t = trace('adam', { hyper: { ...HYPER, biasCorrection: false } });
    const l = byId(t);
    expect(l.mHat!.rule).toBe('\\hat{m}_t = m_t');
    expect(l.mHat!.value).toBe(l.m!.value);
    expect(l.theta!.value).toBeCloseTo(0.5 - (0.001 * l.m!.value) / (Math.sqrt(l.v!.value) + 1e-7), 12);
  });

  it('put negative values in parentheses, and a power of ten before a square (KaTeX refuses a double superscript)', () => {
    const l = byId(trace('adam', { g: -0.2 }));
    expect(l.m!.numbers).toContain('0.1 \\cdot \\left(-0.2\\right)');
    expect(l.v!.numbers).toContain('\\left(-0.2\\right)^2');
    const tiny = byId(trace('adam', { g: 8.709e-4 }));
    expect(tiny.v!.numbers).toContain('\\left(8.709 \\times 10^{-4}\\right)^2');
    expect(tiny.v!.numbers).not.toMatch(/\}\^2/);
  });
});

describe('momentum and SGD', () => {
  it('write v_t = μv_{t−1} + g_t and the classical or Nesterov step', () => {
    const classical = byId(trace('momentum'));
    expect(classical.v!.value).toBeCloseTo(0.9 * 0.3 + 0.2, 15);
    expect(classical.theta!.value).toBeCloseTo(0.5 - 0.001 * 0.47, 15);
    const nesterov = byId(trace('momentum', { hyper: { ...HYPER, nesterov: true } }));
    expect(nesterov.theta!.rule).toContain('g_t + \\mu v_t');
    expect(nesterov.theta!.value).toBeCloseTo(0.5 - 0.001 * (0.2 + 0.9 * 0.47), 15);
  });

  it('write θ_{t+1} = θ_t − η g_t for SGD', () => {
    const l = updateLines(trace('sgd'));
    expect(l.map((x) => x.id)).toEqual(['g', 'theta']);
    expect(l[1]!.value).toBeCloseTo(0.5 - 0.001 * 0.2, 15);
  });
});

describe('against the engine', () => {
  beforeAll(useCpu);

  it.each(['adam', 'momentum', 'sgd'] as const)(
    "%s: the last line's θ_{t+1} is the weight the step wrote, to float32 precision",
    async (optimizer) => {
      const settings = { ...HYPER, optimizer, learningRate: 0.05, nesterov: optimizer === 'momentum' };
      const t = new Trainer(syntheticData(300), {
        settings,
        batchSize: 8,
        epochs: 1,
        seed: 2,
        preprocessing: 'scale',
      });
      t.follow('largest');
      const traces: TracePoint[] = [];
      for (let i = 0; i < 5; i++) {
        t.trainStep();
        traces.push(...(await t.flush()).traces);
      }
      for (const tr of traces) {
        const theta = updateLines(tr).at(-1)!.value;
        expect(Math.abs(theta - tr.thetaAfter)).toBeLessThan(1e-6 * Math.max(1, Math.abs(theta)));
      }
      t.dispose();
    },
  );
});

// The equations with numbers: each line's arithmetic is the update rule's, the substituted values are the
// traced ones, and the last line's θ_{t+1} is the weight the engine actually wrote (float32).
import { beforeAll, describe, expect, it } from 'vitest';
import { texNumber, updateLines } from '../../src/equations/tex';
import { Trainer } from '../../src/engine/trainer';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import katex from 'katex';
import { OPTIMIZERS, SCHEDULES, type OptimizerName } from '../../src/shared/settings';
import type { TracePoint } from '../../src/shared/trace';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';

const HYPER = { ...settingsOf(DEFAULT_CONFIG), learningRate: 0.001 };
const isAdam = (o: OptimizerName) => o === 'adam' || o === 'adamw';
/** The optimizer's state for the weight before the step: [v], [s], or Adam's [m, v]. */
const SLOTS_BEFORE: Record<OptimizerName, number[]> = {
  sgd: [],
  momentum: [0.3],
  adagrad: [0.04],
  rmsprop: [0.04],
  adam: [0.1, 0.01],
  adamw: [0.1, 0.01],
};

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
    slotsBefore: SLOTS_BEFORE[optimizer],
    slotsAfter: [],
    hyper: { ...HYPER },
    rate: HYPER.learningRate,
    products: isAdam(optimizer) ? [0.9 ** 3, 0.999 ** 3] : [],
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

describe('RMSProp and AdaGrad', () => {
  it('write v_t = β2 v_{t−1} + (1 − β2) g_t² and θ_{t+1} = θ_t − η g_t/(√v_t + ε) for RMSProp', () => {
    const l = byId(trace('rmsprop'));
    expect(Object.keys(l)).toEqual(['g', 'v', 'theta']);
    const v = 0.999 * 0.04 + 0.001 * 0.04;
    expect(l.v!.value).toBeCloseTo(v, 15);
    expect(l.v!.numbers).toBe('0.999 \\cdot 0.04 + 0.001 \\cdot 0.2^2 = 0.04');
    expect(l.theta!.value).toBeCloseTo(0.5 - (0.001 * 0.2) / (Math.sqrt(v) + 1e-7), 15);
    expect(l.theta!.rule).toBe('\\theta_{t+1} = \\theta_t - \\eta\\, \\dfrac{g_t}{\\sqrt{v_t} + \\epsilon}');
    expect(l.theta!.numbers.startsWith('0.5 - 0.001 \\cdot \\dfrac{0.2}{\\sqrt{0.04} + ')).toBe(true);
  });

  it('write s_t = s_{t−1} + g_t² and θ_{t+1} = θ_t − η g_t/(√s_t + ε) for AdaGrad', () => {
    const l = byId(trace('adagrad', { g: -0.3 }));
    expect(Object.keys(l)).toEqual(['g', 's', 'theta']);
    expect(l.s!.value).toBeCloseTo(0.04 + 0.09, 15);
    expect(l.s!.numbers).toBe('0.04 + \\left(-0.3\\right)^2 = 0.13');
    expect(l.theta!.value).toBeCloseTo(0.5 + (0.001 * 0.3) / (Math.sqrt(0.13) + 1e-7), 15);
  });
});

describe('AdamW', () => {
  it("decays θ first (θ'_t = θ_t − η λ θ_t), then takes Adam's step from θ'_t with the raw g_t", () => {
    const l = byId(trace('adamw', { hyper: { ...HYPER, weightDecay: 0.1 } }));
    expect(Object.keys(l)).toEqual(['g', 'decay', 'm', 'v', 'mHat', 'vHat', 'theta']);
    const decayed = 0.5 - 0.001 * 0.1 * 0.5;
    expect(l.decay!.value).toBeCloseTo(decayed, 15);
    expect(l.decay!.numbers).toBe('0.5 - 0.001 \\cdot 0.1 \\cdot 0.5 = 0.5');
    const m = 0.9 * 0.1 + 0.1 * 0.2;
    const v = 0.999 * 0.01 + 0.001 * 0.04;
    expect(l.m!.value).toBeCloseTo(m, 15);
    expect(l.v!.value).toBeCloseTo(v, 15);
    const mHat = m / (1 - 0.9 ** 3);
    const vHat = v / (1 - 0.999 ** 3);
    expect(l.theta!.value).toBeCloseTo(decayed - (0.001 * mHat) / (Math.sqrt(vHat) + 1e-7), 15);
    expect(l.theta!.rule).toContain("\\theta_{t+1} = \\theta'_t - \\eta");
  });

  it('is Adam with λ = 0, besides the decay line that keeps θ', () => {
    const w = byId(trace('adamw'));
    const a = byId(trace('adam'));
    expect(w.decay!.value).toBe(0.5);
    expect(w.theta!.value).toBeCloseTo(a.theta!.value, 15);
  });
});

describe('L2 weight decay (every optimizer but AdamW)', () => {
  const wd = { hyper: { ...HYPER, weightDecay: 0.1 } };
  const gTilde = 0.2 + 0.1 * 0.5;

  it.each(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const)(
    '%s: a second line g̃_t = g_t + λ θ_t, and the rule steps along g̃_t',
    (optimizer) => {
      const lines = updateLines(trace(optimizer, wd));
      expect(lines.slice(0, 2).map((x) => x.id)).toEqual(['g', 'gTilde']);
      expect(lines[1]!.value).toBeCloseTo(gTilde, 15);
      expect(lines[1]!.numbers).toBe('0.2 + 0.1 \\cdot 0.5 = 0.25');
      expect(lines[1]!.rule).toBe('\\tilde{g}_t = g_t + \\lambda\\, \\theta_t');
      expect(lines.slice(2).some((x) => x.rule.includes('\\tilde{g}_t'))).toBe(true);
      expect(lines.slice(2).some((x) => x.rule.replaceAll('\\tilde{g}_t', '').includes('g_t'))).toBe(false);
      // The rule's lines with g̃ in place of g: the same lines as a trace whose raw gradient were g̃.
      const plain = updateLines(trace(optimizer, { g: gTilde }));
      expect(lines.slice(2).map((x) => x.value)).toEqual(plain.slice(1).map((x) => x.value));
    },
  );

  it('numbers: SGD θ_{t+1} = θ_t − η (g_t + λ θ_t)', () => {
    expect(byId(trace('sgd', wd)).theta!.value).toBeCloseTo(0.5 - 0.001 * gTilde, 15);
  });
});

describe('a learning-rate schedule', () => {
  const cosine = { hyper: { ...HYPER, schedule: 'cosine' as const }, rate: 0.0004 };

  it('adds η_t = η · factor and steps with η_t', () => {
    const l = byId(trace('rmsprop', cosine));
    expect(Object.keys(l)).toEqual(['g', 'eta', 'v', 'theta']);
    expect(l.eta!.value).toBe(0.0004);
    expect(l.eta!.numbers).toBe('0.001 \\cdot 0.4 = 4 \\times 10^{-4}');
    expect(l.eta!.rule).toContain('\\cos');
    expect(l.theta!.rule).toContain('\\eta_t\\,');
    expect(l.theta!.value).toBeCloseTo(0.5 - (0.0004 * 0.2) / (Math.sqrt(l.v!.value) + 1e-7), 15);
  });

  it('every optimizer steps with η_t, AdamW decays with it too', () => {
    for (const o of ['sgd', 'momentum', 'adagrad', 'adam'] as const) {
      const scheduled = byId(trace(o, cosine)).theta!.value;
      const unscheduled = byId(trace(o)).theta!.value;
      expect((0.5 - scheduled) / (0.5 - unscheduled)).toBeCloseTo(0.4, 12);
    }
    const w = byId(trace('adamw', { ...cosine, hyper: { ...cosine.hyper, weightDecay: 0.1 } }));
    expect(w.decay!.value).toBeCloseTo(0.5 - 0.0004 * 0.1 * 0.5, 15);
    expect(w.decay!.numbers.startsWith('0.5 - 4 \\times 10^{-4} \\cdot 0.1')).toBe(true);
  });

  it('writes warmup and the decay of each schedule; no line when η_t = η', () => {
    const rule = (schedule: 'step' | 'cyclic', warmup: number) =>
      byId(trace('sgd', { hyper: { ...HYPER, schedule, warmup }, rate: 0.0005 })).eta!.rule;
    expect(rule('step', 0)).toBe('\\eta_t = \\eta \\cdot \\gamma^{\\lfloor (t-1)/E \\rfloor}');
    expect(rule('cyclic', 10)).toMatch(
      /^\\eta_t = \\eta \\cdot \\min\\left\(1, \\dfrac\{t\}\{10\}\\right\)\\, \\left\(0\.1/,
    );
    expect(byId(trace('sgd', { hyper: { ...HYPER, schedule: 'cosine' } })).eta).toBeUndefined();
  });
});

describe('KaTeX', () => {
  it('parses every line of every optimizer, with decay and a schedule', () => {
    for (const o of OPTIMIZERS)
      for (const weightDecay of [0, 0.01])
        for (const schedule of SCHEDULES)
          for (const tr of [
            trace(o, { hyper: { ...HYPER, weightDecay, schedule, warmup: 5 }, rate: 3e-4, g: -2e-5 }),
            trace(o, { hyper: { ...HYPER, nesterov: true, biasCorrection: false } }),
          ])
            for (const l of updateLines(tr)) {
              expect(() => katex.renderToString(l.rule, { throwOnError: true })).not.toThrow();
              expect(() => katex.renderToString(l.numbers, { throwOnError: true })).not.toThrow();
            }
  });
});

describe('against the engine', () => {
  beforeAll(useCpu);

  /** The lines that give the optimizer's state after the step, in slotsAfter's order. */
  const SLOT_LINES: Record<OptimizerName, string[]> = {
    sgd: [],
    momentum: ['v'],
    adagrad: ['s'],
    rmsprop: ['v'],
    adam: ['m', 'v'],
    adamw: ['m', 'v'],
  };
  const VARIANTS = {
    plain: {},
    'weight decay': { weightDecay: 0.1 },
    'cosine schedule with warmup and weight decay': { schedule: 'cosine', warmup: 3, weightDecay: 0.05 },
  } as const;
  const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b) + 1e-12;

  describe.each(Object.entries(VARIANTS))('%s', (variant, over) => {
    it.each(OPTIMIZERS)(
      "%s: the state lines are the state the step wrote, the last line's θ_{t+1} its weight (float32)",
      async (optimizer) => {
        const settings = {
          ...HYPER,
          optimizer,
          learningRate: 0.05,
          nesterov: optimizer === 'momentum',
          ...over,
        };
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
        expect(traces).toHaveLength(5);
        for (const tr of traces) {
          const lines = updateLines(tr);
          const l = Object.fromEntries(lines.map((x) => [x.id, x]));
          expect('gTilde' in l).toBe(settings.weightDecay > 0 && optimizer !== 'adamw');
          expect('decay' in l).toBe(optimizer === 'adamw');
          expect('eta' in l).toBe(variant !== 'plain' && variant !== 'weight decay');
          if (l.eta) expect(l.eta.value).toBe(tr.rate);
          SLOT_LINES[optimizer].forEach((id, k) => {
            expect(close(l[id]!.value, tr.slotsAfter[k]!, 1e-5)).toBe(true);
          });
          const theta = lines.at(-1)!.value;
          expect(Math.abs(theta - tr.thetaAfter)).toBeLessThan(1e-6 * Math.max(1, Math.abs(theta)));
        }
        t.dispose();
      },
    );
  });
});

// The trainer applies the run's schedule step by step: each point records η_t = η·w_t·d_t, and a live
// η edit moves the base while the schedule goes on (the rules' use of η_t: tests/engine/optimizers).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { scheduleFactor } from '../../src/shared/schedule';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';

const data = syntheticData(320);
const config = (over: Partial<TrainerConfig['settings']>): TrainerConfig => ({
  settings: { ...settingsOf(DEFAULT_CONFIG), learningRate: 0.01, ...over },
  batchSize: 32,
  epochs: 3,
  seed: 3,
  preprocessing: 'scale',
});

beforeAll(useCpu);

describe('schedules in the trainer', () => {
  it('records η_t of every step: warmup, then the step schedule, with a live η edit in between', async () => {
    const t = new Trainer(data, config({ schedule: 'step', gamma: 0.5, warmup: 4 }));
    const period = { stepsPerEpoch: t.stepsPerEpoch, totalSteps: t.totalSteps };
    expect(period).toEqual({ stepsPerEpoch: 10, totalSteps: 30 });
    for (let i = 0; i < 15; i++) t.trainStep();
    t.applyChange({ key: 'learningRate', value: 0.1 });
    while (!t.done) t.trainStep();
    const points = await t.flushMetrics();
    const s = t.settings;
    points.forEach((p) => {
      const eta = p.step <= 15 ? 0.01 : 0.1;
      expect(p.lr, `step ${p.step}`).toBeCloseTo(eta * scheduleFactor(s, p.step, period), 15);
    });
    expect(points.map((p) => p.lr).slice(0, 5)).toEqual([0.0025, 0.005, 0.0075, 0.01, 0.01]);
    expect(points[10]!.lr).toBeCloseTo(0.005, 15); // step 11: the second epoch, ×γ
    expect(points[29]!.lr).toBeCloseTo(0.025, 15); // step 30: η 0.1, ×γ²
    t.dispose();
  });

  it('a live schedule change takes effect at the next step; switching optimizer keeps it', async () => {
    const t = new Trainer(data, config({ optimizer: 'sgd' }));
    for (let i = 0; i < 5; i++) t.trainStep();
    t.applyChange({ key: 'schedule', value: 'cosine' });
    t.applyChange({ key: 'optimizer', value: 'rmsprop' });
    expect(t.settings).toMatchObject({ optimizer: 'rmsprop', schedule: 'cosine' });
    t.trainStep();
    const points = await t.flushMetrics();
    expect(points.slice(0, 5).every((p) => p.lr === 0.01)).toBe(true);
    expect(points[5]!.lr).toBeCloseTo(0.01 * 0.5 * (1 + Math.cos((Math.PI * 5) / 30)), 15);
    t.dispose();
  });

  it('leaves η alone with the default settings (a constant rate)', async () => {
    const t = new Trainer(data, config({}));
    for (let i = 0; i < 12; i++) t.trainStep();
    expect((await t.flushMetrics()).every((p) => p.lr === 0.01)).toBe(true);
    t.dispose();
  });
});

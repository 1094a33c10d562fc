// The lessons on weight decay and warmup show what their texts promise (as phenomena.test.ts does for
// the others): L2 in Adam against AdamW's decoupled decay, read from the instruments' weight norms, and
// Adam at a large rate without and with warmup over one epoch, on the lessons' own links.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistData } from '../../src/engine/mnist';
import type { PixelStats } from '../../src/engine/preprocess';
import {
  fmt,
  instrument,
  lessonLink,
  loadLessonData,
  lossAt,
  meanLoss,
  trainPart,
  updateRatio,
  type RunTrace,
} from './train';

let data: MnistData;
let stats: PixelStats;

beforeAll(async () => {
  ({ data, stats } = await loadLessonData());
});

const LAYERS = ['dense1.kernel', 'dense2.kernel'] as const;
const norm = (t: RunTrace, step: number, layer: string) => instrument(t, step, layer, 'weightNorm');
/** The median effective step of the output layer at step 1. */
const firstStep = (t: RunTrace) => instrument(t, 1, 'dense2.kernel', 'stepMedian');
/** Whether `x` is `expected` to the three figures the text prints. */
const closeTo3 = (x: number, expected: number) => expect(Math.abs(x / expected - 1)).toBeLessThan(0.006);

/** One epoch of batch 128 (429 steps) for two runs: a few minutes when the machine is busy. */
const EPOCH_TIMEOUT = 360_000;

describe('decay and warmup lessons on real MNIST', () => {
  it('adamw: at λ = 0.1 AdamW stays within a few percent of Adam in both layers; Adam+L₂ cuts the first layer to a sixth, the output layer to a half', async () => {
    const steps = 300;
    const [adam, l2, adamw] = await trainPart(data, stats, lessonLink('adamw'), steps, { internals: true });
    const ratios = (t: RunTrace) => LAYERS.map((layer) => norm(t, steps, layer) / norm(adam!, steps, layer));
    const [w1, w2] = ratios(adamw!);
    const [l1, l2r] = ratios(l2!);
    // The gradient per weight, ‖g‖/√n, averaged over the recorded steps: larger in the output layer.
    const perWeight = (layer: string, n: number) =>
      adam!.internals.reduce((a, p) => a + p.layers[layer]!.gradNorm, 0) /
      adam!.internals.length /
      Math.sqrt(n);
    const gradScale = perWeight('dense2.kernel', 128 * 10) / perWeight('dense1.kernel', 784 * 128);
    const lossGaps = [1, 51, 101, 151, 201, 251].map(
      (f) => meanLoss(adamw!, f, f + 49) - meanLoss(adam!, f, f + 49),
    );
    const updates = [adam!, l2!, adamw!].map((t) => updateRatio(t, steps, 'dense1.kernel'));
    console.log(
      `adamw: weight norms at step 1 ${LAYERS.map((l) => fmt(norm(adam!, 1, l))).join(' ')}, at step ${steps}: ` +
        [adam!, adamw!, l2!]
          .map((t) => `${t.name} ${LAYERS.map((l) => fmt(norm(t, steps, l))).join(' ')}`)
          .join(', ') +
        `; against Adam: AdamW ${fmt(w1!)} ${fmt(w2!)}, Adam+L₂ ${fmt(l1!)} ${fmt(l2r!)}; gradient per weight ` +
        `dense2 / dense1 ${fmt(gradScale)}; AdamW − Adam loss per 50 steps ${lossGaps.map(fmt).join(' ')}; ` +
        `Adam+L₂ loss 251–300 ${fmt(meanLoss(l2!, 251, 300))}; dense1 update / weight at step ${steps} ` +
        `${updates.map(fmt).join(' ')}`,
    );
    expect([adam!.name, l2!.name, adamw!.name]).toEqual(['Adam', 'Adam+L₂ λ=0.1', 'AdamW λ=0.1']);
    // The numbers the teacher reads off the export.
    closeTo3(norm(adam!, 1, 'dense1.kernel'), 14.9);
    closeTo3(norm(adam!, 1, 'dense2.kernel'), 4.32);
    const expected = [
      [adam!, 16.7, 5.16],
      [adamw!, 16.3, 5.04],
      [l2!, 2.65, 2.63],
    ] as const;
    for (const [t, n1, n2] of expected) {
      closeTo3(norm(t, steps, 'dense1.kernel'), n1);
      closeTo3(norm(t, steps, 'dense2.kernel'), n2);
    }
    // AdamW: 2–3% below Adam, the same factor in both layers.
    for (const r of [w1!, w2!]) {
      expect(r).toBeGreaterThan(0.97);
      expect(r).toBeLessThan(0.98);
    }
    expect(Math.abs(w1! - w2!)).toBeLessThan(0.005);
    // Adam+L₂: a sixth of Adam's first layer, a half of its output layer, where gradients per weight are larger.
    expect(Math.abs(l1! - 1 / 6)).toBeLessThan(0.02);
    expect(Math.abs(l2r! - 0.5)).toBeLessThan(0.05);
    expect(gradScale).toBeGreaterThan(2);
    for (const d of lossGaps) expect(Math.abs(d)).toBeLessThan(0.01);
    expect(Math.abs(meanLoss(l2!, 251, 300) - 0.85)).toBeLessThan(0.05);
    expect(updates[1]).toBeGreaterThan(3 * Math.max(updates[0]!, updates[2]!));
  });

  it(
    'warmup: at η = 0.05 the loss jumps to 6.8 by step 3 without warmup and never rises with it; the epoch ends alike',
    async () => {
      // The instruments only for step 1; the epoch without them, which is a third cheaper.
      const [cold1, warm1] = await trainPart(data, stats, lessonLink('warmup'), 1, { internals: true });
      const [cold, warm] = await trainPart(data, stats, lessonLink('warmup'), Infinity, { validate: true });
      const eta = 0.05;
      const first = (t: RunTrace) => t.points.slice(0, 10).map((p) => p.loss);
      const rate = (step: number) => warm!.points[step - 1]!.lr!;
      console.log(
        `warmup: ${cold!.points.length} steps; losses 1–10 without ${first(cold!).map(fmt).join(' ')}, with ` +
          `${first(warm!).map(fmt).join(' ')}; highest with warmup ${fmt(Math.max(...warm!.points.map((p) => p.loss)))}; ` +
          `step 1 effective step / η ${fmt(firstStep(cold1!) / eta)} ${fmt(firstStep(warm1!) / eta)}; ` +
          `ηₜ at steps 1, 50, 100, 429: ${[1, 50, 100, 429].map((s) => fmt(rate(s))).join(' ')}; loss 41–80 ` +
          `${fmt(meanLoss(cold!, 41, 80))} / ${fmt(meanLoss(warm!, 41, 80))}, 81–429 ${fmt(meanLoss(cold!, 81, 429))} / ` +
          `${fmt(meanLoss(warm!, 81, 429))}; validation ${fmt(cold!.validation!.loss)} / ${fmt(warm!.validation!.loss)}`,
      );
      expect([cold!.name, warm!.name]).toEqual(['η=0.05', 'η=0.05, W=100']);
      expect([cold!.stepsPerEpoch, cold!.points.length]).toEqual([429, 429]);
      expect(Math.abs(lossAt(cold!, 1) - 2.4)).toBeLessThan(0.05);
      // Step 1: m̂/√v̂ = ±1, so the median weight of the output layer moves by exactly η_1.
      expect(firstStep(cold1!) / eta).toBeCloseTo(1, 3);
      expect(firstStep(warm1!) / eta).toBeCloseTo(0.01, 5);
      // Without warmup: about 6.8 at step 3, the highest, and back below the start by step 6.
      expect(Math.max(...first(cold!))).toBe(lossAt(cold!, 3));
      expect(Math.abs(lossAt(cold!, 3) - 6.8)).toBeLessThan(0.1);
      expect(lossAt(cold!, 6)).toBeLessThan(lossAt(cold!, 1));
      // With warmup: the first ten steps only fall, and no step of the epoch is above the start.
      first(warm!).forEach((x, i, xs) => expect(x).toBeLessThanOrEqual(i === 0 ? x : xs[i - 1]!));
      expect(Math.max(...warm!.points.map((p) => p.loss))).toBe(lossAt(warm!, 1));
      // η_t = η·t/100, then η.
      for (const s of [1, 50, 100]) expect(rate(s)).toBeCloseTo((eta * s) / 100, 10);
      for (const s of [101, 429]) expect(rate(s)).toBe(eta);
      expect(Math.abs(meanLoss(warm!, 41, 80) - 0.38)).toBeLessThan(0.02);
      expect(Math.abs(meanLoss(cold!, 41, 80) - 0.43)).toBeLessThan(0.02);
      expect(meanLoss(cold!, 81, 429)).toBeLessThan(meanLoss(warm!, 81, 429));
      for (const t of [cold!, warm!]) expect(Math.abs(t.validation!.loss - 0.22)).toBeLessThan(0.015);
    },
    EPOCH_TIMEOUT,
  );
});

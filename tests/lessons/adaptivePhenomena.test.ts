// The adaptive rules' lessons show what their texts promise (as phenomena.test.ts does for the others):
// AdaGrad's steps against RMSProp's over one epoch, and RMSProp as Adam with β1 = 0 and no bias
// correction, each trained on the lesson's own link on real MNIST with the CPU backend.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistData } from '../../src/engine/mnist';
import type { PixelStats } from '../../src/engine/preprocess';
import {
  fmt,
  instrument,
  lessonLink,
  loadLessonData,
  lossAt,
  mean,
  meanLoss,
  recorded,
  trainPart,
  type RunTrace,
} from './train';

let data: MnistData;
let stats: PixelStats;

beforeAll(async () => {
  ({ data, stats } = await loadLessonData());
});

const effectiveStep = (t: RunTrace, step: number) => instrument(t, step, 'dense2.kernel', 'stepMedian');

/** One epoch of batch 128 (429 steps) for two runs: a few minutes when the machine is busy. */
const EPOCH_TIMEOUT = 360_000;

describe('adaptive lessons on real MNIST', () => {
  it(
    'adagrad-rmsprop: the same first step, then AdaGrad’s falls below RMSProp’s, to about half by the end of the epoch',
    async () => {
      // s of AdaGrad and v of RMSProp, per variable, at step 200 and at the end of the epoch.
      const slots: Float32Array[][][] = [[], []];
      const [ada, rms] = await trainPart(data, stats, lessonLink('adagrad-rmsprop'), Infinity, {
        internals: true,
        validate: true,
        afterStep: async (step, trainers) => {
          if (step !== 200 && step !== trainers[0]!.totalSteps) return;
          for (const [r, t] of trainers.entries())
            slots[r]!.push((await t.checkpoint()).optimizer.slots.map((s) => s[0]!));
        },
      });
      const eta = 0.01;
      const early = Array.from(
        { length: 10 },
        (_, i) => effectiveStep(rms!, i + 1) / effectiveStep(ada!, i + 1),
      );
      const later = recorded(ada!, 50, Infinity);
      const last = recorded(ada!, 330, Infinity);
      const lastRatio =
        mean(last.map((s) => effectiveStep(rms!, s))) / mean(last.map((s) => effectiveStep(ada!, s)));
      const grew = (before: Float32Array, after: Float32Array) => after.every((x, i) => x >= before[i]!);
      const [adaBefore, adaAfter] = slots[0]!;
      const [rmsBefore, rmsAfter] = slots[1]!;
      const fellShare = (k: number) =>
        rmsAfter![k]!.filter((x, i) => x < rmsBefore![k]![i]!).length / rmsAfter![k]!.length;
      console.log(
        `adagrad-rmsprop: ${ada!.points.length} steps; step 1 effective step / η ${fmt(effectiveStep(ada!, 1) / eta)} ` +
          `${fmt(effectiveStep(rms!, 1) / eta)}; RMSProp / AdaGrad steps 1–10 ${early.map(fmt).join(' ')}; ` +
          `from step 50 on ${fmt(Math.min(...later.map((s) => effectiveStep(rms!, s) / effectiveStep(ada!, s))))} at least; ` +
          `last hundred steps ${fmt(mean(last.map((s) => effectiveStep(ada!, s))))} / ${fmt(mean(last.map((s) => effectiveStep(rms!, s))))} ` +
          `(ratio ${fmt(lastRatio)}); RMSProp's v fell between step 200 and the end for ${fmt(fellShare(2))} of dense2.kernel; ` +
          `loss 1–100 ${fmt(meanLoss(ada!, 1, 100))} / ${fmt(meanLoss(rms!, 1, 100))}, 330–429 ` +
          `${fmt(meanLoss(ada!, 330, 429))} / ${fmt(meanLoss(rms!, 330, 429))}; validation ` +
          `${fmt(ada!.validation!.loss)} / ${fmt(rms!.validation!.loss)}`,
      );
      expect([ada!.name, rms!.name]).toEqual(['AdaGrad η=0.01', 'RMSProp η=0.001']);
      expect([ada!.stepsPerEpoch, ada!.points.length]).toEqual([429, 429]);
      // |g|/√g² = 1 and 0.001/√(1 − 0.99) = 0.01: both first steps are exactly 0.01.
      expect(effectiveStep(ada!, 1) / eta).toBeCloseTo(1, 3);
      expect(effectiveStep(rms!, 1) / eta).toBeCloseTo(1, 3);
      for (const r of early) expect(Math.abs(r - 1)).toBeLessThan(0.15);
      for (const s of later) expect(effectiveStep(rms!, s)).toBeGreaterThan(effectiveStep(ada!, s));
      expect(lastRatio).toBeGreaterThan(1.6); // "about half"
      expect(lastRatio).toBeLessThan(2.5);
      // AdaGrad's s only grows, for every weight of every layer; RMSProp's v falls again for many.
      adaAfter!.forEach((s, k) => expect(grew(adaBefore![k]!, s), `variable ${k}`).toBe(true));
      expect(fellShare(2)).toBeGreaterThan(0.55); // "almost two thirds"
      expect(fellShare(2)).toBeLessThan(0.67);
      for (const [from, to] of [
        [1, 100],
        [101, 200],
        [201, 329],
        [330, 429],
      ] as const)
        expect(Math.abs(meanLoss(ada!, from, to) - meanLoss(rms!, from, to))).toBeLessThan(0.05);
      expect(meanLoss(rms!, 330, 429)).toBeLessThan(meanLoss(ada!, 330, 429));
      expect(rms!.validation!.loss).toBeLessThan(ada!.validation!.loss);
    },
    EPOCH_TIMEOUT,
  );

  it('rmsprop-adam: Adam with β1 = 0 and no bias correction repeats RMSProp to the last bit; β1 = 0.9 parts at step 2', async () => {
    const steps = 200;
    const [rms, adam0] = await trainPart(data, stats, lessonLink('rmsprop-adam'), steps, {
      internals: true,
      runs: [0, 1],
    });
    const [adam9] = await trainPart(data, stats, lessonLink('rmsprop-adam'), 10, {
      internals: true,
      runs: [2],
    });
    const eta = 0.001;
    const gaps = rms!.points.map((p, i) => Math.abs(p.loss - adam0!.points[i]!.loss));
    const stepGaps = recorded(rms!, 1, steps).map((s) =>
      Math.abs(effectiveStep(rms!, s) - effectiveStep(adam0!, s)),
    );
    const jump = Math.max(lossAt(rms!, 2), lossAt(rms!, 3));
    console.log(
      `rmsprop-adam: largest |Δloss| RMSProp vs Adam β1=0 over ${gaps.length} steps ${Math.max(...gaps)}, ` +
        `largest |Δ effective step| ${Math.max(...stepGaps)}; losses 1–3: pair ${[1, 2, 3].map((s) => fmt(lossAt(rms!, s))).join(' ')}, ` +
        `β1=0.9 ${[1, 2, 3].map((s) => fmt(lossAt(adam9!, s))).join(' ')}; step 1 effective step / η: pair ` +
        `${fmt(effectiveStep(rms!, 1) / eta)}, β1=0.9 ${fmt(effectiveStep(adam9!, 1) / eta)}`,
    );
    expect([rms!.name, adam0!.name, adam9!.name]).toEqual([
      'RMSProp',
      'Adam β1=0, m/√v',
      'Adam β1=0.9, m/√v',
    ]);
    expect(gaps.length).toBe(steps);
    for (const g of [...gaps, ...stepGaps]) expect(g).toBe(0);
    // Steps 2–3: the pair jumps to about 5, β1 = 0.9 goes down to about 2.1.
    expect(Math.abs(jump - 5)).toBeLessThan(0.6);
    expect(Math.abs(lossAt(adam9!, 3) - 2.1)).toBeLessThan(0.1);
    expect(lossAt(adam9!, 2)).toBeLessThan(lossAt(adam9!, 1));
    expect(Math.abs(lossAt(adam9!, 2) - lossAt(rms!, 2))).toBeGreaterThan(1);
    // Step 1: η·|g|/√((1 − β2)·g²) = 31.6·η for the pair, a tenth of that with m = (1 − β1)·g.
    expect(effectiveStep(rms!, 1) / eta).toBeCloseTo(1 / Math.sqrt(0.001), 1);
    expect(effectiveStep(adam9!, 1) / eta).toBeCloseTo(0.1 / Math.sqrt(0.001), 2);
  });
});

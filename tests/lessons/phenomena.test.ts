// Every lesson shows what its text promises: each test trains the lesson's own link (its runs, shared
// settings and seed) on real MNIST with the CPU backend, for the steps the text talks about (the batch-size
// lesson: one epoch of a cut), and checks the numbers the teacher is told to look for. A lesson whose
// phenomenon stops reproducing needs new settings (and text), not a looser test.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistData } from '../../src/engine/mnist';
import type { PixelStats } from '../../src/engine/preprocess';
import { isDiverged } from '../../src/shared/metrics';
import { head } from '../helpers/nodeMnist';
import {
  fmt,
  instrument,
  jumpiness,
  largestMoves,
  lessonLink,
  loadLessonData,
  lossAt,
  mean,
  meanLoss,
  medianRecentShare,
  recorded,
  trainPart,
  updateRatio,
  type RunTrace,
} from './train';

let full: MnistData;
/** The whole training split and a cut of the validation split (see LessonData). */
let data: MnistData;
let stats: PixelStats;

beforeAll(async () => {
  ({ full, data, stats } = await loadLessonData());
});

const firstDivergedStep = (t: RunTrace) => t.points.find((p) => isDiverged(p.loss))?.step ?? null;
const neverDiverged = (t: RunTrace) => t.points.every((p) => !isDiverged(p.loss));

describe('lesson phenomena on real MNIST', () => {
  it('lr-too-large: η = 0.1 diverges by step 3 while η = 0.001 and η = 0.0001 learn, at their own speeds', async () => {
    const l = lessonLink('lr-too-large');
    // The diverged run is stopped by the page, so only its first steps matter.
    const [big] = await trainPart(data, stats, l, 5, { runs: [2] });
    const [slow, good] = await trainPart(data, stats, l, 30, { runs: [0, 1] });
    console.log(
      `lr-too-large: η=0.1 losses ${big!.points.map((p) => fmt(p.loss)).join(' ')}; steps 26–30: ` +
        `η=0.001 ${fmt(meanLoss(good!, 26, 30))}, η=0.0001 ${fmt(meanLoss(slow!, 26, 30))}`,
    );
    expect([slow!.name, good!.name, big!.name]).toEqual(['η=0.0001', 'η=0.001', 'η=0.1']);
    for (const t of [slow!, good!, big!]) expect(t.points[0]!.loss).toBeGreaterThan(100);
    expect(firstDivergedStep(big!)).toBeLessThanOrEqual(3);
    for (const t of [slow!, good!]) expect(neverDiverged(t)).toBe(true);
    expect(meanLoss(good!, 26, 30)).toBeLessThan(10);
    expect(meanLoss(slow!, 26, 30)).toBeGreaterThan(3 * meanLoss(good!, 26, 30));
    expect(meanLoss(slow!, 26, 30)).toBeLessThan(0.8 * lossAt(slow!, 1)); // it does learn, slowly
  });

  it('momentum: same η and batches, momentum ends below 1 where SGD is near 2; its updates grow to several times SGD’s', async () => {
    const [sgd, mom] = await trainPart(data, stats, lessonLink('momentum'), 50, { internals: true });
    const growth = (layer: string) =>
      recorded(mom!, 20, 50).map((s) => updateRatio(mom!, s, layer) / updateRatio(sgd!, s, layer));
    const g1 = growth('dense1.kernel');
    const g2 = growth('dense2.kernel');
    console.log(
      `momentum: loss 41–50 SGD ${fmt(meanLoss(sgd!, 41, 50))}, μ=0.9 ${fmt(meanLoss(mom!, 41, 50))}; ` +
        `update ratio μ/SGD steps 20–50: dense1 ${fmt(Math.min(...g1))}…${fmt(Math.max(...g1))}, ` +
        `dense2 ${fmt(Math.min(...g2))}…${fmt(Math.max(...g2))}`,
    );
    expect(meanLoss(sgd!, 41, 50)).toBeGreaterThan(1.7);
    expect(meanLoss(mom!, 41, 50)).toBeLessThan(1);
    // Step 1: v₁ = g₁, so both runs apply exactly the same update.
    for (const layer of ['dense1.kernel', 'dense2.kernel'])
      expect(updateRatio(mom!, 1, layer) / updateRatio(sgd!, 1, layer)).toBeCloseTo(1, 5);
    for (const r of [...g1, ...g2]) {
      expect(r).toBeGreaterThan(2);
      expect(r).toBeLessThan(10); // short of 1/(1 − μ): batch gradients partly cancel
    }
  });

  it('nesterov: at μ = 0.99 Nesterov stays below classical momentum, by more after step 50', async () => {
    const [classical, nesterov] = await trainPart(data, stats, lessonLink('nesterov'), 75, {
      internals: true,
    });
    const windows = (t: RunTrace) => [1, 26, 51].map((from) => meanLoss(t, from, from + 24));
    const c = windows(classical!);
    const n = windows(nesterov!);
    const cos = (t: RunTrace, layer: string) =>
      [1, 10, 20, 30, 40, 50, 60, 70].map((s) => fmt(instrument(t, s, layer, 'velocityCosine')));
    console.log(
      `nesterov: 25-step means classical ${c.map(fmt).join(' ')}, Nesterov ${n.map(fmt).join(' ')}; ` +
        `cos(v, g) dense1 ${cos(classical!, 'dense1.kernel').join(' ')} / ${cos(nesterov!, 'dense1.kernel').join(' ')}; ` +
        `dense2 ${cos(classical!, 'dense2.kernel').join(' ')} / ${cos(nesterov!, 'dense2.kernel').join(' ')}`,
    );
    for (let i = 0; i < 3; i++) expect(n[i]).toBeLessThan(c[i]!);
    const gap = (from: number, to: number) => meanLoss(classical!, from, to) - meanLoss(nesterov!, from, to);
    expect(gap(51, 75)).toBeGreaterThan(gap(1, 50));
    for (const t of [classical!, nesterov!])
      for (const layer of ['dense1.kernel', 'dense2.kernel']) {
        expect(instrument(t, 1, layer, 'velocityCosine')).toBeCloseTo(1, 4);
        const later = recorded(t, 30, 75).map((s) => instrument(t, s, layer, 'velocityCosine'));
        const inBand = later.filter((x) => x >= -0.1 && x <= 0.5).length;
        expect(inBand / later.length).toBeGreaterThan(0.8); // "mostly between −0.1 and 0.5"
        expect(mean(later)).toBeLessThan(0.3);
      }
  });

  it('bias-correction: without it the first step is 3.16·η and the loss roughly triples; with it the loss stays near its start', async () => {
    const [on, off] = await trainPart(data, stats, lessonLink('bias-correction'), 20, { internals: true });
    const eta = 0.01;
    const step1 = (t: RunTrace) => instrument(t, 1, 'dense2.kernel', 'stepMedian') / eta;
    const peak = Math.max(...off!.points.slice(0, 5).map((p) => p.loss));
    console.log(
      `bias-correction: step 1 effective step / η: on ${fmt(step1(on!))}, off ${fmt(step1(off!))}; ` +
        `loss at step 1 ${fmt(lossAt(on!, 1))}, peak of steps 1–5 without correction ${fmt(peak)}, ` +
        `highest corrected loss ${fmt(Math.max(...on!.points.map((p) => p.loss)))}`,
    );
    expect(step1(on!)).toBeCloseTo(1, 2);
    expect(step1(off!)).toBeCloseTo(0.1 / Math.sqrt(0.001), 2);
    expect(Math.abs(lossAt(on!, 1) - 2.5)).toBeLessThan(0.1);
    expect(Math.abs(peak - 7.5)).toBeLessThan(0.5);
    expect(peak / lossAt(off!, 1)).toBeGreaterThan(2.5);
    expect(Math.max(...on!.points.map((p) => p.loss))).toBeLessThan(1.25 * lossAt(on!, 1));
    // The chart's factors: what the corrected run applies (reported for both runs).
    for (const t of [on!, off!]) {
      const p1 = t.internals.find((p) => p.step === 1)!;
      expect(p1.biasCorrection1).toBeCloseTo(10, 6);
      expect(p1.biasCorrection2).toBeCloseTo(1000, 3);
    }
  });

  it('bias-correction: the numbers in its text', () => {
    const ratio = (t: number) => (1 - 0.9 ** t) / Math.sqrt(1 - 0.999 ** t);
    const ratios = Array.from({ length: 200 }, (_, i) => ratio(i + 1));
    const peak = Math.max(...ratios);
    expect(ratio(1)).toBeCloseTo(3.16, 2);
    expect(peak).toBeCloseTo(6.6, 1);
    expect(Math.abs(ratios.indexOf(peak) + 1 - 12)).toBeLessThanOrEqual(1);
    expect(ratio(100)).toBeCloseTo(3.2, 1);
    expect(1 / (1 - 0.9 ** 50)).toBeLessThan(1.01);
    expect(1 / (1 - 0.999 ** 100)).toBeCloseTo(10.5, 1);
  });

  it('beta2-small: β2 = 0.9 takes the larger steps from step 20 on, never above η, while the losses stay close', async () => {
    const eta = 0.01;
    const tracker = largestMoves();
    const moments: Float32Array[] = []; // v of dense2.kernel (β2 = 0.999 run) at steps 40 and 50
    const [slow, fast] = await trainPart(data, stats, lessonLink('beta2-small'), 50, {
      internals: true,
      afterStep: async (step, trainers) => {
        await tracker.afterStep(step, trainers);
        if (step === 40 || step === 50)
          moments.push((await trainers[0]!.checkpoint()).optimizer.slots[2]![1]!);
      },
    });
    const median = (t: RunTrace, s: number) => instrument(t, s, 'dense2.kernel', 'stepMedian');
    const ratios = recorded(fast!, 20, 50).map((s) => median(fast!, s) / median(slow!, s));
    const gaps = [1, 11, 21, 31, 41].map((f) => meanLoss(fast!, f, f + 9) - meanLoss(slow!, f, f + 9));
    const gradNorm = (from: number, to: number) =>
      mean(recorded(slow!, from, to).map((s) => instrument(slow!, s, 'dense2.kernel', 'gradNorm')));
    const recentShare = medianRecentShare(moments[0]!, moments[1]!, 0.999, 10, 50);
    const [move999, move9] = tracker.moves.map((m) => m / eta);
    console.log(
      `beta2-small: step-1 effective step / η ${fmt(median(slow!, 1) / eta)} ${fmt(median(fast!, 1) / eta)}; ` +
        `β2=0.9 / β2=0.999 steps 20–50: ${fmt(Math.min(...ratios))}…${fmt(Math.max(...ratios))}, ` +
        `step 40 ${fmt(median(fast!, 40) / median(slow!, 40))}; largest |Δθ| / η: β2=0.999 ${fmt(move999!)}, ` +
        `β2=0.9 ${fmt(move9!)}; 10-step loss gaps ${gaps.map(fmt).join(' ')}; β2=0.999: median weight's ` +
        `mean g² (41–50) / (1–50) ${fmt(recentShare)}, dense2 gradient norm steps 1–5 ${fmt(gradNorm(1, 5))} ` +
        `→ 41–50 ${fmt(gradNorm(41, 50))}`,
    );
    expect(median(slow!, 1) / eta).toBeCloseTo(1, 2);
    expect(median(fast!, 1) / eta).toBeCloseTo(1, 2);
    for (const r of ratios) expect(r).toBeGreaterThan(1);
    expect(median(fast!, 40) / median(slow!, 40)).toBeGreaterThan(1.4);
    expect(median(fast!, 40) / median(slow!, 40)).toBeLessThan(2);
    // "Most weights' gradients soon shrink", while the norm, dominated by a few, hardly changes.
    expect(recentShare).toBeLessThan(0.5);
    expect(Math.abs(gradNorm(41, 50) / gradNorm(1, 5) - 1)).toBeLessThan(0.3);
    // |m̂| ≤ √v̂ when β1 = β2 (both average the same gradients with the same weights): no move above η.
    expect(move9).toBeLessThanOrEqual(1 + 1e-4);
    for (const d of gaps) expect(Math.abs(d)).toBeLessThan(0.15);
  });

  it('large-epsilon: Adam with ε = 1 (η 0.1) follows momentum-SGD with μ 0.9, η 0.01 step by step; ε share 100%', async () => {
    const [adam, mom] = await trainPart(data, stats, lessonLink('large-epsilon'), 30, {
      internals: true,
      runs: [1, 2],
    });
    const [plain] = await trainPart(data, stats, lessonLink('large-epsilon'), 5, {
      internals: true,
      runs: [0],
    });
    const gaps = adam!.points.map((p, i) => Math.abs(p.loss - mom!.points[i]!.loss) / mom!.points[i]!.loss);
    const shares = adam!.internals.flatMap((p) => Object.values(p.layers).map((l) => l.epsShare!));
    const first = plain!.internals[0]!.layers;
    console.log(
      `large-epsilon: largest relative loss gap over 30 steps ${fmt(Math.max(...gaps))}; ε=1 share ` +
        `${fmt(Math.min(...shares))}…${fmt(Math.max(...shares))}; ε=1e-7 share at step 1: dense1.kernel ` +
        `${fmt(first['dense1.kernel']!.epsShare!)}, dense2.kernel ${fmt(first['dense2.kernel']!.epsShare!)}`,
    );
    expect(adam!.points.length).toBe(30);
    expect(Math.max(...gaps)).toBeLessThan(0.01);
    expect(Math.min(...shares)).toBe(1);
    expect(first['dense1.kernel']!.epsShare).toBeGreaterThan(0.3); // "about half"
    expect(first['dense1.kernel']!.epsShare).toBeLessThan(0.7);
    for (const p of plain!.internals) expect(p.layers['dense2.kernel']!.epsShare).toBeLessThan(0.05);
  });

  it('preprocessing: at η = 0.1 raw pixels diverge by step 3, scaled ones learn, standardized ones learn faster', async () => {
    const [raw] = await trainPart(data, stats, lessonLink('preprocessing', 0), 5);
    const [scaled] = await trainPart(data, stats, lessonLink('preprocessing', 1), 50);
    const [standard] = await trainPart(data, stats, lessonLink('preprocessing', 2), 50);
    console.log(
      `preprocessing: raw ${raw!.points.map((p) => fmt(p.loss)).join(' ')}; step 1 / steps 41–50: ` +
        `scaled ${fmt(lossAt(scaled!, 1))} / ${fmt(meanLoss(scaled!, 41, 50))}, ` +
        `standardized ${fmt(lossAt(standard!, 1))} / ${fmt(meanLoss(standard!, 41, 50))}`,
    );
    expect(lossAt(raw!, 1)).toBeGreaterThan(100);
    expect(firstDivergedStep(raw!)).toBeLessThanOrEqual(3);
    for (const t of [scaled!, standard!]) expect(neverDiverged(t)).toBe(true);
    expect(Math.abs(lossAt(scaled!, 1) - 2.5)).toBeLessThan(0.1);
    expect(lossAt(standard!, 1)).toBeGreaterThan(3);
    expect(meanLoss(standard!, 41, 50)).toBeLessThan(0.8 * meanLoss(scaled!, 41, 50));
    expect(Math.abs(meanLoss(scaled!, 41, 50) - 0.75)).toBeLessThan(0.1);
    expect(Math.abs(meanLoss(standard!, 41, 50) - 0.45)).toBeLessThan(0.1);
  });

  it('batch-size: per epoch, batch 8 takes 16× the steps, jumps more, and ends with the lower validation loss', async () => {
    const [epoch8] = await trainPart(full, stats, lessonLink('batch-size', 0), 0);
    const [epoch128] = await trainPart(full, stats, lessonLink('batch-size', 1), 0);
    expect([epoch8!.stepsPerEpoch, epoch128!.stepsPerEpoch]).toEqual([6875, 429]);
    // One epoch of a 1,024-image cut: 128 steps of batch 8 against 8 of batch 128.
    const cut = { ...data, train: head(full.train, 1024) };
    const options = { internals: true, validate: true };
    const [small] = await trainPart(cut, stats, lessonLink('batch-size', 0), Infinity, options);
    const [large] = await trainPart(cut, stats, lessonLink('batch-size', 1), Infinity, options);
    const jumps = [small!, large!].map((t) => jumpiness(t.points.map((p) => p.loss)));
    const grad = (t: RunTrace) =>
      Array.from({ length: 8 }, (_, i) => instrument(t, i + 1, 'dense1.kernel', 'gradNorm'));
    const [g8, g128] = [grad(small!), grad(large!)];
    console.log(
      `batch-size: steps ${small!.points.length} / ${large!.points.length}; mean |Δloss| per step ` +
        `${fmt(jumps[0]!)} / ${fmt(jumps[1]!)}; validation loss ${fmt(small!.validation!.loss)} / ` +
        `${fmt(large!.validation!.loss)}; dense1 gradient norm steps 1–8 ${g8.map(fmt).join(' ')} / ` +
        `${g128.map(fmt).join(' ')}`,
    );
    expect([small!.points.length, large!.points.length]).toEqual([128, 8]);
    expect(jumps[0]).toBeGreaterThan(2 * jumps[1]!);
    expect(small!.validation!.loss).toBeLessThan(large!.validation!.loss);
    for (let i = 0; i < 8; i++) expect(g8[i]).toBeGreaterThan(g128[i]!);
  });
});

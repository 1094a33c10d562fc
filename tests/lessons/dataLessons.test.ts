// The data lessons show what their texts promise: each run of a lesson's link trains on real MNIST (CPU
// backend) and is scored as the page scores a small training set, on all 5,000 validation images and
// the whole training subset once an epoch. The experiments are written out here and must give the
// lessons' links exactly; the figures the texts print are checked against the measurement and against
// the texts. Adam on the clean 1,000 images, which all three lessons show, is trained once, for 20 epochs.
import { beforeAll, describe, expect, it } from 'vitest';
import { hostBatchMaker } from '../../src/engine/batches';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { pixelStats, type PixelStats } from '../../src/engine/preprocess';
import { mislabelledCounts, predictSplit, type MislabelledCounts } from '../../src/engine/predict';
import { Trainer, type EvalResult } from '../../src/engine/trainer';
import { makeBatches } from '../../src/engine/batches';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { experimentToHash } from '../../src/experiment/link';
import { defaultSettings, runFromSettings, sharedOf } from '../../src/experiment/runs';
import type { Experiment } from '../../src/experiment/types';
import { LABEL_NOISE, OVERFITTING, REGULARIZATION } from '../../src/lessons/dataLessons';
import type { Lesson } from '../../src/lessons/types';
import { trainingSet } from '../../src/shared/dataLever';
import type { RunSettings, SharedSettings } from '../../src/shared/settings';
import { nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

let data: MnistData;
let stats: PixelStats;

beforeAll(async () => {
  await useCpu();
  data = await loadMnist(nodeByteSource());
  stats = pixelStats(data.train.images);
});

// The lessons' experiments, written out setting by setting.
const SMALL: SharedSettings = { ...sharedOf(DEFAULT_CONFIG), epochs: 15, trainImages: 1000 };
const ADAM: RunSettings = { ...defaultSettings(), learningRate: 0.003 };
const ADAMW: RunSettings = { ...ADAM, optimizer: 'adamw', weightDecay: 1 };
const single = (shared: SharedSettings): Experiment => ({
  shared,
  runs: [runFromSettings(ADAM, 0, 'r1')],
});
const pair = (shared: SharedSettings): Experiment => ({
  shared,
  runs: [runFromSettings(ADAM, 0, 'r1'), { ...runFromSettings(ADAMW, 1, 'r2'), name: 'AdamW λ=1' }],
});
const NO_DROPOUT = pair(SMALL);
const DROPOUT = pair({ ...SMALL, dropout: 0.5 });
const NOISY = single({ ...SMALL, labelNoise: 0.4 });
const CLEAN = single(SMALL);
const CLEAN_20 = single({ ...SMALL, epochs: 20 });

/** One epoch's scores, as the page's validation dot and whole-training-set ring. */
interface EpochScore {
  epoch: number;
  validation: EvalResult;
  train: EvalResult;
  /** What the network answers for the training images given a wrong label (as Insight counts them). */
  mislabelled?: MislabelledCounts;
}

/**
 * Trains one run of `e` to the end, scoring it at the end of each epoch `scored` accepts. Runs of a
 * comparison share batches and first weights but nothing else, so a run trained alone is the same run.
 */
async function train(
  e: Experiment,
  index: number,
  scored: (epoch: number) => boolean = () => true,
): Promise<EpochScore[]> {
  const { shared } = e;
  const trainer = new Trainer(
    data,
    { ...shared, settings: e.runs[index]!.initial, internals: false },
    stats,
    {},
    makeBatches(data, shared, stats),
  );
  const set = trainingSet(data.train.labels, { ...shared });
  const positions = Uint32Array.from(set.changed, (p) => set.indices[p]!);
  const truth = Uint8Array.from(positions, (i) => data.train.labels[i]!);
  const given = Uint8Array.from(set.changed, (p) => set.labels[p]!);
  const maker = hostBatchMaker(data)(shared.preprocessing, stats);
  const scores: EpochScore[] = [];
  try {
    while (!trainer.done) {
      trainer.trainStep();
      if (trainer.step % trainer.stepsPerEpoch !== 0) continue;
      await trainer.flush(); // the step metrics are not needed; this frees them
      const epoch = trainer.epoch;
      if (!scored(epoch)) continue;
      const score: EpochScore = {
        epoch,
        validation: await trainer.evaluate('validation'),
        train: await trainer.evaluate('train'),
      };
      if (positions.length > 0) {
        const { predicted } = await predictSplit(trainer.model, maker, 'train', { positions });
        score.mislabelled = mislabelledCounts(truth, given, predicted);
      }
      scores.push(score);
    }
  } finally {
    trainer.dispose();
    maker.dispose();
  }
  return scores;
}

const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};
/**
 * Adam on the clean 1,000 images for 20 epochs: the overfitting lesson. Its first 15 are the other two
 * lessons' plain run and clean part: the batch order and dropout masks follow the seed and the step, and
 * the learning rate is constant, so nothing in a run depends on how many epochs it has.
 */
const cleanAdam = once(() => train(CLEAN_20, 0));
const cleanAdam15 = async () => (await cleanAdam()).filter((s) => s.epoch <= 15);

const at = (scores: EpochScore[], epoch: number) => scores.find((s) => s.epoch === epoch)!;
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const LAST_FIVE = (epoch: number) => epoch > 10;
/** Validation loss, whole-training-set loss and their gap, averaged over epochs 11–15. */
function ending(scores: EpochScore[]) {
  const last = scores.filter((s) => LAST_FIVE(s.epoch));
  expect(last.map((s) => s.epoch)).toEqual([11, 12, 13, 14, 15]);
  const validation = mean(last.map((s) => s.validation.loss));
  const train = mean(last.map((s) => s.train.loss));
  return { validation, train, gap: validation - train };
}
const f3 = (x: number) => x.toPrecision(3);
const f4 = (x: number) => x.toPrecision(4);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Whether `x` is the figure a text prints, within `tolerance`. */
function near(x: number, printed: number, tolerance: number) {
  expect(Math.abs(x - printed), `${x} for ${printed}`).toBeLessThanOrEqual(tolerance);
}
/** Whether `x` rounds to the figure a text prints with `digits` decimals. */
function rounds(x: number, printed: number, digits: number) {
  expect(Number(x.toFixed(digits)), `${x}`).toBe(printed);
}
/** Both languages' watch texts print each figure. */
function printed(lesson: Lesson, ...figures: string[]) {
  for (const text of [lesson.words.en.watch, lesson.words.zh.watch])
    for (const figure of figures) expect(text, figure).toContain(figure);
}

/** 620 steps and 20 passes over 6,000 images a run on the CPU: a minute or two on a busy machine. */
const TIMEOUT = 600_000;

describe('the data lessons’ links', () => {
  it('are the experiments written out here', () => {
    expect(experimentToHash(CLEAN_20)).toBe(`#${OVERFITTING.parts[0]!.link}`);
    expect(experimentToHash(NO_DROPOUT)).toBe(`#${REGULARIZATION.parts[0]!.link}`);
    expect(experimentToHash(DROPOUT)).toBe(`#${REGULARIZATION.parts[1]!.link}`);
    expect(experimentToHash(NOISY)).toBe(`#${LABEL_NOISE.parts[0]!.link}`);
    expect(experimentToHash(CLEAN)).toBe(`#${LABEL_NOISE.parts[1]!.link}`);
    // 1,000 images in batches of 32: 31 steps an epoch, so the page scores the whole set each epoch.
    expect(Math.floor(SMALL.trainImages / SMALL.batchSize)).toBe(31);
    // What lets the 20-epoch run stand for the 15-epoch ones (cleanAdam15).
    expect([ADAM.schedule, ADAM.warmup]).toEqual(['constant', 0]);
  });
});

describe('the data lessons on real MNIST', () => {
  it(
    'overfitting: validation loss is lowest at epoch 8 and 14% higher by epoch 20, while the training set’s keeps falling',
    async () => {
      const scores = await cleanAdam();
      const val = scores.map((s) => s.validation.loss);
      const best = scores[val.indexOf(Math.min(...val))]!;
      const last = at(scores, 20);
      console.log(
        `overfitting: validation loss by epoch ${val.map(f3).join(' ')}; whole training set ` +
          `${scores.map((s) => f3(s.train.loss)).join(' ')}; validation accuracy at ${best.epoch} ` +
          `${pct(best.validation.accuracy)}, at 20 ${pct(last.validation.accuracy)}`,
      );
      expect(scores).toHaveLength(20);
      expect(best.epoch).toBe(8);
      near(best.validation.loss, 0.3, 0.005);
      near(last.validation.loss, 0.34, 0.005);
      near(last.validation.loss / best.validation.loss - 1, 0.14, 0.01);
      near(best.train.loss, 0.017, 0.0005);
      near(last.train.loss, 0.003, 0.0005);
      // The training loss falls on from the validation minimum to the end (by a few percent an epoch).
      for (let e = best.epoch; e < 20; e++)
        expect(at(scores, e + 1).train.loss).toBeLessThan(at(scores, e).train.loss);
      // After the minimum the validation loss rises to the end: every later epoch's is above it.
      for (const s of scores.filter((s) => s.epoch > best.epoch))
        expect(s.validation.loss).toBeGreaterThan(best.validation.loss);
      for (const s of scores.filter((s) => s.epoch >= best.epoch)) {
        near(s.validation.accuracy, 0.915, 0.006);
        expect(s.train.accuracy).toBeGreaterThanOrEqual(0.9995);
      }
      printed(OVERFITTING, '0.30', '248', '0.34', '14%', '0.017', '0.003', '91.5%');
    },
    TIMEOUT,
  );

  it(
    'dropout-weight-decay: each regulariser narrows the gap; alone each lowers validation loss, together they leave the narrowest gap but barely beat neither',
    async () => {
      const [adam, adamw, dropAdam, dropAdamw] = [
        ending(await cleanAdam15()),
        ending(await train(NO_DROPOUT, 1, LAST_FIVE)),
        ending(await train(DROPOUT, 0, LAST_FIVE)),
        ending(await train(DROPOUT, 1, LAST_FIVE)),
      ];
      const runs = { adam, adamw, dropAdam, dropAdamw };
      console.log(
        'dropout-weight-decay, epochs 11–15 (validation, whole training set, gap): ' +
          Object.entries(runs)
            .map(([k, r]) => `${k} ${f4(r.validation)} ${f4(r.train)} ${f4(r.gap)}`)
            .join('; '),
      );
      // The figures the text prints: two decimals (the training losses near zero to their first figure).
      rounds(adam.validation, 0.33, 2);
      rounds(adam.train, 0.007, 3);
      rounds(adam.gap, 0.32, 2);
      rounds(adamw.validation, 0.29, 2);
      rounds(adamw.train, 0.06, 2);
      rounds(adamw.gap, 0.23, 2);
      rounds(dropAdam.validation, 0.3, 2);
      rounds(dropAdam.train, 0.027, 3);
      rounds(dropAdam.gap, 0.27, 2);
      rounds(dropAdamw.validation, 0.32, 2);
      rounds(dropAdamw.train, 0.13, 2);
      rounds(dropAdamw.gap, 0.19, 2);
      for (const r of [adamw, dropAdam, dropAdamw]) expect(r.gap).toBeLessThan(adam.gap);
      expect(Math.min(adamw.gap, dropAdam.gap)).toBeGreaterThan(dropAdamw.gap);
      // Alone, each lowers the validation loss clearly; together, barely.
      expect(Math.max(adamw.validation, dropAdam.validation)).toBeLessThan(adam.validation - 0.02);
      expect(Math.max(adamw.validation, dropAdam.validation)).toBeLessThan(dropAdamw.validation);
      expect(dropAdamw.validation).toBeLessThan(adam.validation);
      expect(dropAdamw.validation).toBeGreaterThan(adam.validation - 0.02);
      expect(dropAdamw.train).toBeGreaterThan(Math.max(adam.train, adamw.train, dropAdam.train));
      printed(REGULARIZATION, '11–15', '0.33', '0.007', '0.32', '0.29', '0.06', '0.23', '0.30', '0.027');
      printed(REGULARIZATION, '0.27', '0.32', '0.13', '0.19');
    },
    TIMEOUT,
  );

  it(
    'label-noise: validation accuracy peaks at epoch 3 and falls while the training set learns its wrong labels; clean labels do far better',
    async () => {
      const scores = await train(NOISY, 0);
      const clean = await cleanAdam15();
      const acc = scores.map((s) => s.validation.accuracy);
      const best = scores[acc.indexOf(Math.max(...acc))]!;
      const last = at(scores, 15);
      console.log(
        `label-noise: validation accuracy by epoch ${acc.map(pct).join(' ')}; whole training set against ` +
          `its labels ${scores.map((s) => pct(s.train.accuracy)).join(' ')}, against the true ones ` +
          `${scores.map((s) => pct(s.train.trueAccuracy!)).join(' ')}; mislabelled (memorised/true digit) ` +
          `${scores.map((s) => `${s.mislabelled!.memorised}/${s.mislabelled!.trueDigit}`).join(' ')}; ` +
          `clean validation accuracy at 15 ${pct(at(clean, 15).validation.accuracy)}`,
      );
      expect(best.epoch).toBe(3);
      near(best.validation.accuracy, 0.82, 0.005);
      near(best.train.accuracy, 0.61, 0.01);
      expect(scores).toHaveLength(15);
      near(last.train.accuracy, 0.975, 0.0005);
      near(last.validation.accuracy, 0.67, 0.005);
      // The lines cross at epoch 7, and the training set stays ahead from then on.
      const ahead = scores.findIndex((s) => s.train.accuracy > s.validation.accuracy);
      expect(scores[ahead]!.epoch).toBe(7);
      for (const s of scores.slice(ahead)) expect(s.train.accuracy).toBeGreaterThan(s.validation.accuracy);
      // The 400 wrong labels: mostly the true digit at the peak, all but a few memorised by the end.
      expect(trainingSet(data.train.labels, NOISY.shared).changed).toHaveLength(400);
      expect(scores.every((s) => s.mislabelled!.memorised + s.mislabelled!.trueDigit <= 400)).toBe(true);
      near(best.mislabelled!.trueDigit, 290, 5);
      near(best.mislabelled!.memorised, 50, 5);
      expect(last.mislabelled!.memorised).toBe(375);
      // The clean part: the same images with true labels, even against the noisy run's best epoch.
      near(at(clean, 15).validation.accuracy, 0.92, 0.005);
      expect(at(clean, 15).validation.accuracy - best.validation.accuracy).toBeGreaterThan(0.08);
      printed(LABEL_NOISE, '82%', '93', '61%', '60%', ' 7', '97.5%', '67%', '400', '290', '50', '375', '92%');
    },
    TIMEOUT,
  );
});

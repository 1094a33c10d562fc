// The worker side of the Tune panel, driven directly in Node on part of MNIST (CPU backend): a range
// test that stops by its rule and suggests an η on its own curve, a search whose trials share batches,
// cancellation, and tensors flat after every job.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { settingsOf } from '../../src/experiment/runs';
import type { RangePoint, TuneUpdate, WorkerEvent } from '../../src/protocol';
import type { RunSettings, SharedSettings } from '../../src/shared/settings';
import {
  RANGE_END_LR,
  RANGE_START_LR,
  rangeRate,
  slopeAt,
  slopeWindow,
  STOP_FACTOR,
  suggestRates,
} from '../../src/tune/rangeTest';
import { Tuner } from '../../src/worker/tune';
import { REFERENCE_NET } from '../helpers/net';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

const SHARED: SharedSettings = {
  batchSize: 32,
  epochs: 1,
  preprocessing: 'scale',
  seed: 1,
  ...REFERENCE_NET,
};
const ADAM: RunSettings = settingsOf(DEFAULT_CONFIG);
const SGD: RunSettings = { ...ADAM, optimizer: 'sgd', learningRate: 0.1 };

let data: MnistData;

beforeAll(async () => {
  await useCpu();
  const full = await loadMnist(nodeByteSource());
  data = {
    train: head(full.train, 2000),
    validation: head(full.validation, 500),
    test: head(full.test, 500),
  };
});

function harness(source: () => { data: MnistData; kernels: object } | null = () => ({ data, kernels: {} })) {
  const events: WorkerEvent[] = [];
  const tuner = new Tuner((e) => events.push(e), source);
  const updates = (jobId: number): TuneUpdate[] =>
    events.flatMap((e) => (e.type === 'tune' && e.jobId === jobId ? [e.update] : []));
  const ended = (jobId: number) => {
    const end = updates(jobId).find((u) => u.kind === 'ended');
    if (end?.kind !== 'ended') throw new Error(`job ${jobId} has not ended`);
    return end;
  };
  return { events, tuner, updates, ended };
}

describe('Tuner', () => {
  it('runs a range test that stops once the smoothed loss passes four times its minimum', async () => {
    const { tuner, updates, ended } = harness();
    const before = tf.memory().numTensors;
    tuner.handle({
      type: 'tune',
      jobId: 1,
      shared: SHARED,
      job: { kind: 'rangeTest', settings: SGD, steps: 100 },
    });
    await tuner.settled();
    const points: RangePoint[] = updates(1).flatMap((u) => (u.kind === 'range' ? u.points : []));
    expect(ended(1)).toMatchObject({ outcome: 'done', tensorsBefore: before, tensorsAfter: before });
    expect(tf.memory().numTensors).toBe(before);

    // One point per step from step 1, each with its η of the schedule.
    expect(points.map((p) => p.step)).toEqual(points.map((_, i) => i + 1));
    for (const p of points) expect(p.learningRate).toBeCloseTo(rangeRate(p.step - 1, 100), 15);
    // It stopped early, at the first point whose smoothed loss exceeds four times the lowest so far.
    expect(points.length).toBeLessThan(100);
    let low = Infinity;
    for (const p of points.slice(0, -1)) {
      low = Math.min(low, p.smoothed);
      expect(p.smoothed).toBeLessThanOrEqual(STOP_FACTOR * low);
    }
    expect(points.at(-1)!.smoothed).toBeGreaterThan(STOP_FACTOR * Math.min(low, points.at(-1)!.smoothed));

    // The suggestion: inside the tested range, below the η of the minimum, where its curve falls fastest.
    const s = suggestRates(points, 100)!;
    expect(s.steepest).not.toBeNull();
    expect(s.steepest!).toBeGreaterThanOrEqual(RANGE_START_LR);
    expect(s.steepest!).toBeLessThan(s.atMinimum);
    expect(s.atMinimum).toBeLessThanOrEqual(RANGE_END_LR);
    const { h } = slopeWindow(100);
    const k = points.findIndex((p) => p.learningRate === s.steepest);
    const min = points.findIndex((p) => p.learningRate === s.atMinimum);
    const slopes = points
      .slice(h, Math.min(min, points.length - 1 - h) + 1)
      .map((_, i) => slopeAt(points, i + h, h));
    expect(slopeAt(points, k, h)).toBe(Math.min(...slopes));
    // Plain SGD on MNIST learns somewhere between 1e-3 and 1.
    expect(s.steepest!).toBeGreaterThan(1e-3);
    expect(s.steepest!).toBeLessThan(1);
  });

  it('trains a search four trials at a time on the same batches and validates each', async () => {
    const { tuner, updates, ended } = harness();
    const before = tf.memory().numTensors;
    // Trials 0, 2 and 4 have the same settings: on the same batches from the same weights they must agree,
    // 4 in the second group too (every group draws the seed's batch order).
    const trials = [SGD, { ...SGD, learningRate: 0.5 }, SGD, ADAM, SGD];
    tuner.handle({ type: 'tune', jobId: 2, shared: SHARED, job: { kind: 'search', trials, steps: 20 } });
    await tuner.settled();
    expect(ended(2)).toMatchObject({ outcome: 'done', tensorsBefore: before, tensorsAfter: before });
    expect(tf.memory().numTensors).toBe(before);
    const progress = updates(2).flatMap((u) => (u.kind === 'search' ? [u] : []));
    expect(progress.at(0)).toMatchObject({ firstTrial: 0, trialCount: 4 });
    expect(progress.at(-1)).toEqual({ kind: 'search', firstTrial: 4, trialCount: 1, step: 20 });
    const results = updates(2).flatMap((u) => (u.kind === 'trial' ? [u.result] : []));
    expect(results.map((r) => r.trial)).toEqual([0, 1, 2, 3, 4]);
    for (const r of results) {
      expect(r.divergedAt).toBeNull();
      expect(r.validation!.accuracy).toBeGreaterThan(0.3);
      expect(Number.isFinite(r.trainLoss)).toBe(true);
    }
    expect(results[2]!.validation).toEqual(results[0]!.validation);
    expect(results[4]!.validation).toEqual(results[0]!.validation);
    expect(results[1]!.validation).not.toEqual(results[0]!.validation);
  });

  it('stops a cancelled job at the next chunk and frees what it made', async () => {
    const { tuner, updates, ended } = harness();
    const before = tf.memory().numTensors;
    const trials = Array.from({ length: 8 }, () => SGD);
    tuner.handle({ type: 'tune', jobId: 3, shared: SHARED, job: { kind: 'search', trials, steps: 1000 } });
    for (let i = 0; i < 2000 && !updates(3).some((u) => u.kind === 'search'); i++)
      await new Promise((r) => setTimeout(r, 5));
    tuner.handle({ type: 'cancelTune', jobId: 3 });
    await tuner.settled();
    expect(ended(3)).toMatchObject({ outcome: 'cancelled', tensorsBefore: before, tensorsAfter: before });
    expect(tf.memory().numTensors).toBe(before);
    const last = updates(3)
      .filter((u) => u.kind === 'search')
      .at(-1);
    expect(last?.kind === 'search' && last.step).toBeLessThan(1000);
    expect(updates(3).some((u) => u.kind === 'trial')).toBe(false);
  });

  it('cancels a job when the next one comes, and ends it before the next one starts', async () => {
    const { events, tuner, ended } = harness();
    const trials = Array.from({ length: 4 }, () => SGD);
    tuner.handle({ type: 'tune', jobId: 4, shared: SHARED, job: { kind: 'search', trials, steps: 1000 } });
    tuner.handle({
      type: 'tune',
      jobId: 5,
      shared: SHARED,
      job: { kind: 'rangeTest', settings: SGD, steps: 20 },
    });
    await tuner.settled();
    expect(ended(4).outcome).toBe('cancelled');
    expect(ended(5).outcome).toBe('done');
    const jobs = events.flatMap((e) => (e.type === 'tune' ? [e.jobId] : []));
    expect(jobs.lastIndexOf(4)).toBeLessThan(jobs.indexOf(5));
  });

  it('refuses to tune before all of MNIST is there', async () => {
    const { tuner, ended } = harness(() => null);
    tuner.handle({
      type: 'tune',
      jobId: 6,
      shared: SHARED,
      job: { kind: 'rangeTest', settings: ADAM, steps: 50 },
    });
    await tuner.settled();
    expect(ended(6)).toMatchObject({ outcome: 'error', message: expect.stringMatching(/MNIST/) });
  });
});

// Compare and replay guarantees on the CPU backend: identical starts across optimizers, and a recorded
// timeline of live changes replays to exactly the same losses.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { LaneSetup, WorkerEvent } from '../../src/protocol';
import type { OptimizerName, TimelineEntry } from '../../src/shared/settings';
import { Runner } from '../../src/worker/runner';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';
import { REFERENCE_NET } from '../helpers/net';

let data: MnistData;
const HYPER = {
  learningRate: 0.01,
  momentum: 0.9,
  nesterov: false,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  biasCorrection: true,
  weightDecay: 0,
  schedule: 'constant' as const,
  warmup: 0,
  gamma: 0.5,
};

beforeAll(async () => {
  await useCpu();
  const full = await loadMnist(nodeByteSource());
  data = { train: head(full.train, 600), validation: head(full.validation, 200), test: head(full.test, 200) };
});

describe('identical starts', () => {
  it('same seed → same initial weights and batch order whatever the optimizer', async () => {
    const config = (optimizer: OptimizerName): TrainerConfig => ({
      settings: { optimizer, ...HYPER },
      batchSize: 50,
      epochs: 3,
      seed: 7,
      preprocessing: 'scale',
    });
    const trainers = (['sgd', 'momentum', 'adam'] as const).map((o) => new Trainer(data, config(o)));
    const weights = await Promise.all(trainers.map((t) => t.model.snapshot()));
    for (const w of weights.slice(1)) expect(w).toEqual(weights[0]);
    const orders = trainers.map((t) => {
      const seen: number[][] = [];
      while (!t.done) {
        seen.push(Array.from(t.nextBatchIndices()));
        t.skipStep();
      }
      return seen;
    });
    expect(orders[0]).toHaveLength(36);
    for (const o of orders.slice(1)) expect(o).toEqual(orders[0]);
    const other = new Trainer(data, { ...config('adam'), seed: 8 });
    expect(await other.model.snapshot()).not.toEqual(weights[0]);
    [...trainers, other].forEach((t) => t.dispose());
  });
});

describe('replay', () => {
  function drive(timeline: TimelineEntry[] = []) {
    const events: WorkerEvent[] = [];
    const runner = new Runner(data, (e) => events.push(e));
    const lanes: LaneSetup[] = [
      { lane: 'adam', initial: { optimizer: 'adam', ...HYPER }, timeline },
      { lane: 'sgd', initial: { optimizer: 'sgd', ...HYPER }, timeline: [] },
    ];
    runner.handle({
      type: 'reset',
      runId: 1,
      shared: { batchSize: 30, epochs: 1, preprocessing: 'scale', seed: 3, ...REFERENCE_NET },
      lanes,
    });
    const wait = async (pred: () => boolean) => {
      while (!pred()) await new Promise((r) => setTimeout(r, 2));
    };
    const stepsDone = () => events.filter((e) => e.type === 'metrics').length;
    const losses = (lane: string) =>
      events.flatMap((e) =>
        e.type === 'metrics'
          ? e.lanes.filter((l) => l.lane === lane).flatMap((l) => l.points.map((p) => p.loss))
          : [],
      );
    return { events, runner, wait, stepsDone, losses };
  }

  it('a run with live changes, replayed from its timeline, gives identical losses', async () => {
    // Live: step 5 times, change β2 and η, step 4 more, switch to momentum, then train to the end.
    const live = drive();
    for (let i = 1; i <= 9; i++) {
      if (i === 6) {
        live.runner.handle({
          type: 'change',
          runId: 1,
          lane: 'adam',
          changeId: 1,
          change: { key: 'beta2', value: 0.9 },
        });
        live.runner.handle({
          type: 'change',
          runId: 1,
          lane: 'adam',
          changeId: 2,
          change: { key: 'learningRate', value: 0.05 },
        });
      }
      live.runner.handle({ type: 'step', runId: 1 });
      await live.wait(
        () =>
          live.stepsDone() >= i && live.events.filter((e) => e.type === 'eval').length >= Math.floor(i / 4),
      );
    }
    live.runner.handle({
      type: 'change',
      runId: 1,
      lane: 'adam',
      changeId: 3,
      change: { key: 'optimizer', value: 'momentum' },
    });
    live.runner.handle({ type: 'start', runId: 1 });
    await live.wait(() => live.events.some((e) => e.type === 'state' && e.state === 'finished'));
    const timeline = live.events.flatMap((e) =>
      e.type === 'applied' ? [{ ...e.change, step: e.step }] : [],
    );
    expect(timeline.map((t) => t.step)).toEqual([6, 6, 10]);

    const replay = drive(timeline);
    replay.runner.handle({ type: 'start', runId: 1 });
    await replay.wait(() => replay.events.some((e) => e.type === 'state' && e.state === 'finished'));
    expect(
      replay.events
        .filter((e) => e.type === 'applied')
        .map((e) => (e.type === 'applied' ? [e.step, e.changeId] : [])),
    ).toEqual([
      [6, -1],
      [6, -1],
      [10, -1],
    ]);
    expect(live.losses('adam')).toHaveLength(20);
    expect(replay.losses('adam')).toEqual(live.losses('adam'));
    expect(replay.losses('sgd')).toEqual(live.losses('sgd'));
    // Without the timeline the same start gives other losses after step 5.
    const plain = drive();
    plain.runner.handle({ type: 'start', runId: 1 });
    await plain.wait(() => plain.events.some((e) => e.type === 'state' && e.state === 'finished'));
    expect(plain.losses('adam').slice(0, 5)).toEqual(live.losses('adam').slice(0, 5));
    expect(plain.losses('adam').slice(5)).not.toEqual(live.losses('adam').slice(5));
    [live, replay, plain].forEach((d) => d.runner.dispose());
  });
});

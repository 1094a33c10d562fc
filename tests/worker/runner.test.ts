// The worker's step scheduler, driven directly in Node: chunks, live changes, pause, divergence, stale runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import type { LaneSetup, WorkerEvent } from '../../src/protocol';
import type { SharedSettings, TimelineEntry } from '../../src/shared/settings';
import { Runner } from '../../src/worker/runner';
import { hostBatchMaker, type BatchMakerFactory } from '../../src/engine/batches';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';
import { REFERENCE_NET } from '../helpers/net';

const SHARED: SharedSettings = {
  batchSize: 50,
  epochs: 1,
  preprocessing: 'scale',
  seed: 1,
  ...REFERENCE_NET,
};
const LANE: LaneSetup = {
  lane: 'a',
  initial: settingsOf(DEFAULT_CONFIG),
  timeline: [],
};
const reset = (runId: number, shared: Partial<SharedSettings> = {}, lanes: LaneSetup[] = [LANE]) =>
  ({ type: 'reset', runId, shared: { ...SHARED, ...shared }, lanes }) as const;

let data: MnistData;

beforeAll(async () => {
  await useCpu();
  const full = await loadMnist(nodeByteSource());
  data = {
    train: head(full.train, 1000),
    validation: head(full.validation, 500),
    test: head(full.test, 500),
  };
});

function harness() {
  const events: WorkerEvent[] = [];
  const runner = new Runner(data, (e) => events.push(e));
  const until = async (pred: (e: WorkerEvent) => boolean, timeout = 60_000) => {
    const t0 = Date.now();
    for (;;) {
      const hit = events.find(pred);
      if (hit) return hit;
      if (Date.now() - t0 > timeout) throw new Error('timed out waiting for an event');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const points = (lane = 'a') =>
    events.flatMap((e) =>
      e.type === 'metrics' ? e.lanes.filter((l) => l.lane === lane).flatMap((l) => l.points) : [],
    );
  const steps = () => points().map((p) => p.step);
  return { events, runner, until, steps, points };
}

describe('Runner', () => {
  it('trains a whole run in chunks, validates, tests and finishes', async () => {
    const { events, runner, until, steps } = harness();
    runner.handle(reset(1));
    runner.handle({ type: 'start', runId: 1 });
    await until((e) => e.type === 'state' && e.state === 'finished');
    expect(steps()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const evals = events.filter((e) => e.type === 'eval');
    expect(evals.filter((e) => e.split === 'validation').map((e) => e.step)).toEqual([4, 8, 12, 16, 20]);
    const test = evals.find((e) => e.split === 'test');
    expect(test?.accuracy).toBeGreaterThan(0.5);
    expect(events.every((e) => !('runId' in e) || e.runId === 1)).toBe(true);
    runner.dispose();
  });

  it('acknowledges a live change with the step it takes effect at, and refuses bad values', async () => {
    const { events, runner, until } = harness();
    runner.handle(reset(1));
    runner.handle({ type: 'step', runId: 1 });
    await until((e) => e.type === 'metrics');
    runner.handle({
      type: 'change',
      runId: 1,
      lane: 'a',
      changeId: 7,
      change: { key: 'beta2', value: 0.9 },
    });
    expect(events.at(-1)).toEqual({
      type: 'applied',
      runId: 1,
      lane: 'a',
      changeId: 7,
      step: 2,
      change: { key: 'beta2', value: 0.9 },
    });
    runner.handle({
      type: 'change',
      runId: 1,
      lane: 'a',
      changeId: 8,
      change: { key: 'beta1', value: 1 },
    });
    expect(events.at(-1)).toMatchObject({
      type: 'rejected',
      changeId: 8,
      message: expect.stringMatching(/beta1/),
    });
    runner.handle({
      type: 'change',
      runId: 1,
      lane: 'a',
      changeId: 9,
      change: { key: 'optimizer', value: 'sgd' },
    });
    expect(events.at(-1)).toMatchObject({ type: 'applied', changeId: 9, step: 2 });
    runner.dispose();
  });

  it('pauses between chunks and ignores commands of an old run', async () => {
    const { events, runner, until, steps } = harness();
    runner.handle(reset(1, { batchSize: 10 }));
    runner.handle({ type: 'start', runId: 1 });
    await until((e) => e.type === 'metrics');
    runner.handle({ type: 'pause', runId: 1 });
    await new Promise((r) => setTimeout(r, 200));
    const stopped = steps().length;
    expect(events.filter((e) => e.type === 'state').at(-1)).toMatchObject({ state: 'paused' });
    await new Promise((r) => setTimeout(r, 200));
    expect(steps().length).toBe(stopped);
    runner.handle(reset(2));
    runner.handle({ type: 'start', runId: 1 }); // stale: must do nothing
    await new Promise((r) => setTimeout(r, 100));
    expect(events.filter((e) => 'runId' in e && e.runId === 2).map((e) => e.type)).toEqual(['state']);
    runner.dispose();
  });

  it('pauses with a message when the loss diverges', async () => {
    const { runner, until } = harness();
    // Raw 0–255 inputs with η = 10: the loss goes from ~200 to ~1e10 at step 2.
    const wild: LaneSetup = { ...LANE, initial: { ...LANE.initial, optimizer: 'sgd', learningRate: 10 } };
    runner.handle(reset(3, { batchSize: 10, preprocessing: 'none' }, [wild]));
    runner.handle({ type: 'start', runId: 3 });
    const e = await until((x) => x.type === 'state' && x.state === 'diverged');
    expect(e).toMatchObject({
      runId: 3,
      message: expect.stringMatching(/diverged at step 2: the loss exploded to 1\.\d+e\+10/),
    });
    runner.dispose();
  });

  it('stops a diverging lane while the others train on', async () => {
    const { events, runner, until, points } = harness();
    const wild: LaneSetup = {
      ...LANE,
      lane: 'wild',
      initial: { ...LANE.initial, optimizer: 'sgd', learningRate: 10 },
    };
    runner.handle(
      reset(4, { batchSize: 10, preprocessing: 'none', epochs: 1 }, [
        wild,
        { ...LANE, lane: 'calm', initial: { ...LANE.initial, learningRate: 1e-5 } },
      ]),
    );
    runner.handle({ type: 'start', runId: 4 });
    await until((e) => e.type === 'state' && e.state === 'finished');
    expect(events.find((e) => e.type === 'laneStopped')).toMatchObject({ lane: 'wild', step: 2 });
    expect(points('calm')).toHaveLength(100);
    expect(points('wild').length).toBeLessThan(100);
    expect(events.some((e) => e.type === 'eval' && e.split === 'test' && e.lane === 'calm')).toBe(true);
    runner.dispose();
  });

  it('reports a run that cannot be set up as an error, not a divergence', async () => {
    const { events, runner } = harness();
    runner.handle(reset(5, { batchSize: 5000 }));
    const state = events.find((e) => e.type === 'state');
    expect(state).toMatchObject({ type: 'state', runId: 5, state: 'error' });
    expect(state?.type === 'state' && state.message).toMatch(/Could not set up the run: .*exceeds/);
    // Nothing trains and nothing can be resumed: start and step are ignored.
    runner.handle({ type: 'start', runId: 5 });
    runner.handle({ type: 'step', runId: 5 });
    await new Promise((r) => setTimeout(r, 50));
    expect(events.filter((e) => e.type === 'metrics')).toEqual([]);
    runner.dispose();
  });

  it('makes one batch per step and trains every lane on it', async () => {
    const made: string[] = [];
    const host = hostBatchMaker(data);
    const counting: BatchMakerFactory = (prep, stats) => {
      const maker = host(prep, stats);
      return {
        counts: maker.counts,
        available: (split) => maker.available(split),
        make: (split, indices) => {
          made.push(`${split}:${indices[0]}`);
          return maker.make(split, indices);
        },
        dispose: () => maker.dispose(),
      };
    };
    const events: WorkerEvent[] = [];
    const runner = new Runner(data, (e) => events.push(e), { kernels: { batchMaker: counting } });
    const lanes = ['a', 'b', 'c'].map((lane) => ({ ...LANE, lane }));
    runner.handle(reset(6, { batchSize: 100 }, lanes));
    for (let i = 1; i <= 3; i++) {
      runner.handle({ type: 'step', runId: 6 });
      while (events.filter((e) => e.type === 'metrics').length < i)
        await new Promise((r) => setTimeout(r, 5));
    }
    expect(made.filter((m) => m.startsWith('train'))).toHaveLength(3);
    const metrics = events.filter((e) => e.type === 'metrics');
    // Same batches, same weights, same optimizer: the three lanes' losses agree exactly.
    for (const m of metrics) {
      const losses = m.lanes.map((l) => l.points[0]!.loss);
      expect(new Set(losses).size).toBe(1);
    }
    runner.dispose();
  });

  it('checkpoints on pause, and a new runner restored from it continues with the same losses', async () => {
    const timeline: TimelineEntry[] = [{ step: 17, key: 'learningRate', value: 0.01 }];
    const lane = { ...LANE, timeline };
    const a = harness();
    a.runner.handle(reset(7, {}, [lane]));
    a.runner.handle({ type: 'start', runId: 7 });
    await a.until((e) => e.type === 'metrics' && e.lanes[0]!.points.some((p) => p.step >= 5));
    a.runner.handle({ type: 'pause', runId: 7 });
    const saved = await a.until((e) => e.type === 'checkpoint');
    if (saved.type !== 'checkpoint') throw new Error('no checkpoint');
    const at = saved.checkpoint.step;
    expect(at).toBeGreaterThanOrEqual(5);
    expect(at).toBeLessThan(17);
    a.runner.handle({ type: 'start', runId: 7 });
    await a.until((e) => e.type === 'state' && e.state === 'finished');
    const expected = a.points().filter((p) => p.step > at);

    const b = harness();
    b.runner.handle({ ...reset(8, {}, [lane]), restore: saved.checkpoint });
    expect(b.events.find((e) => e.type === 'state')).toMatchObject({ state: 'idle', step: at });
    b.runner.handle({ type: 'start', runId: 8 });
    await b.until((e) => e.type === 'state' && e.state === 'finished');
    expect(b.steps()[0]).toBe(at + 1);
    expect(b.points().map((p) => p.loss)).toEqual(expected.map((p) => p.loss));
    // The timeline's change after the checkpoint replays; none before it does again.
    expect(b.events.filter((e) => e.type === 'applied').map((e) => e.type === 'applied' && e.step)).toEqual([
      17,
    ]);
    a.runner.dispose();
    b.runner.dispose();
  });

  it('checkpoints every few seconds of training, at a step every lane has reached', async () => {
    let clock = 0;
    const events: WorkerEvent[] = [];
    // Each clock read moves 400 ms: a checkpoint is due every few chunks.
    const runner = new Runner(data, (e) => events.push(e), { now: () => (clock += 400) });
    runner.handle(reset(9, {}, [LANE, { ...LANE, lane: 'b' }]));
    runner.handle({ type: 'start', runId: 9 });
    while (!events.some((e) => e.type === 'state' && e.state === 'finished'))
      await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const checkpoints = events.flatMap((e) => (e.type === 'checkpoint' ? [e.checkpoint] : []));
    expect(checkpoints.length).toBeGreaterThan(0);
    for (const c of checkpoints) {
      expect(c.step).toBeGreaterThan(0);
      expect(c.lanes.map((l) => l.lane)).toEqual(['a', 'b']);
      expect(c.lanes[0]!.weights).toEqual(c.lanes[1]!.weights);
      expect(c.lanes[0]!.optimizer.iterations).toBe(c.step);
    }
    runner.dispose();
  });

  it('once halted (GPU lost), ignores commands and reports nothing more', async () => {
    const { events, runner } = harness();
    runner.handle(reset(10));
    runner.halt();
    const before = events.length;
    runner.handle({ type: 'start', runId: 10 });
    runner.handle({ type: 'step', runId: 10 });
    await new Promise((r) => setTimeout(r, 50));
    expect(events.length).toBe(before);
    runner.dispose();
  });
});

// The worker's step scheduler, driven directly in Node: chunks, live changes, pause, divergence, stale runs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnist';
import type { LaneSetup, WorkerEvent } from '../../src/protocol';
import type { SharedSettings } from '../../src/shared/settings';
import { Runner } from '../../src/worker/runner';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

const SHARED: SharedSettings = { batchSize: 50, epochs: 1, preprocessing: 'scale', seed: 1 };
const LANE: LaneSetup = {
  lane: 'a',
  initial: {
    optimizer: 'adam',
    learningRate: 0.001,
    momentum: 0.9,
    nesterov: false,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  },
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
});

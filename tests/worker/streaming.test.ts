// The Runner while MNIST is still arriving, driven in Node: it trains on the arrived prefix, racing runs
// share each step's batch, validation waits for its images, the end waits for the test set, and the
// recorded pool replays to the same losses; plus the worker's gate that holds commands for their data.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { hostBatchMaker, type BatchMakerFactory } from '../../src/engine/batches';
import { arrivedCount, type MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { settingsOf } from '../../src/experiment/runs';
import type { Command, WorkerEvent } from '../../src/protocol';
import type { EvalSplit } from '../../src/shared/metrics';
import { CommandGate, imagesNeeded } from '../../src/worker/dataGate';
import { Runner } from '../../src/worker/runner';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';
import { REFERENCE_NET } from '../helpers/net';

const SHARED = { batchSize: 50, epochs: 1, preprocessing: 'scale', seed: 3, ...REFERENCE_NET } as const;
const lanes = ['a', 'b'].map((lane) => ({ lane, initial: settingsOf(DEFAULT_CONFIG), timeline: [] }));
let full: MnistData;

beforeAll(async () => {
  await useCpu();
  const all = await loadMnist(nodeByteSource());
  full = { train: head(all.train, 1000), validation: head(all.validation, 200), test: head(all.test, 200) };
});

const tick = () => new Promise((r) => setTimeout(r, 5));

function streamingRunner(data: MnistData) {
  const events: WorkerEvent[] = [];
  const made: { indices: number[]; arrived: number }[] = [];
  const waiters: { split: EvalSplit; resolve: () => void }[] = [];
  const host = hostBatchMaker(data);
  const counting: BatchMakerFactory = (prep, stats) => {
    const maker = host(prep, stats);
    return {
      ...maker,
      available: (split) => maker.available(split),
      make: (split, indices) => {
        if (split === 'train') made.push({ indices: [...indices], arrived: arrivedCount(data, 'train') });
        return maker.make(split, indices);
      },
    };
  };
  const runner = new Runner(data, (e) => events.push(e), {
    kernels: { batchMaker: counting },
    waitForData: (split) =>
      arrivedCount(data, split) > 0
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ split, resolve })),
  });
  const arrive = (split: EvalSplit) => {
    data.arrival![split] = true;
    for (const w of waiters.filter((w) => w.split === split)) w.resolve();
  };
  const count = (type: WorkerEvent['type']) => events.filter((e) => e.type === type).length;
  const losses = (lane: string) =>
    events
      .flatMap((e) => (e.type === 'metrics' ? e.lanes.filter((l) => l.lane === lane) : []))
      .flatMap((l) => l.points.map((p) => p.loss));
  return { runner, events, made, arrive, count, losses };
}

describe('Runner while MNIST arrives', () => {
  it('trains on what has arrived, shares batches between racing runs, and waits for held-out data', async () => {
    const data: MnistData = { ...full, arrival: { train: 200, validation: false, test: false } };
    const r = streamingRunner(data);
    r.runner.handle({ type: 'reset', runId: 1, shared: SHARED, lanes });
    for (let i = 1; i <= 6; i++) {
      r.runner.handle({ type: 'step', runId: 1 });
      while (r.count('metrics') < i) await tick();
    }
    data.arrival!.train = 1000;
    r.runner.handle({ type: 'start', runId: 1 });
    while (!r.events.some((e) => e.type === 'metrics' && e.lanes[0]!.points.some((p) => p.step === 20)))
      await tick();
    await new Promise((res) => setTimeout(res, 50));
    // Trained to the end, but the last validation and the test pass wait for their images.
    expect(r.events.some((e) => e.type === 'state' && e.state === 'finished')).toBe(false);
    expect(r.count('eval')).toBe(0);
    r.arrive('validation');
    r.arrive('test');
    while (!r.events.some((e) => e.type === 'state' && e.state === 'finished')) await tick();

    expect(r.events.filter((e) => e.type === 'pool')).toEqual([
      { type: 'pool', runId: 1, step: 1, images: 200 },
      { type: 'pool', runId: 1, step: 7, images: 1000 },
    ]);
    // One batch per step for both runs, and never an image that had not arrived when it was made.
    expect(r.made).toHaveLength(20);
    for (const m of r.made) expect(Math.max(...m.indices)).toBeLessThan(m.arrived);
    expect(r.made.slice(0, 6).every((m) => Math.max(...m.indices) < 200)).toBe(true);
    expect(r.losses('a')).toEqual(r.losses('b'));
    const evals = r.events.flatMap((e) => (e.type === 'eval' ? [`${e.lane} ${e.split} ${e.step}`] : []));
    expect(evals).toEqual(['a validation 20', 'b validation 20', 'a test 20', 'b test 20']);

    // A new worker (all data in) given the recorded pool draws the same batches: the same losses.
    const replay = streamingRunner({ ...full });
    const changes = r.events.flatMap((e) => (e.type === 'pool' ? [{ step: e.step, images: e.images }] : []));
    replay.runner.handle({ type: 'reset', runId: 2, shared: SHARED, lanes, pool: { changes, through: 20 } });
    replay.runner.handle({ type: 'start', runId: 2 });
    while (!replay.events.some((e) => e.type === 'state' && e.state === 'finished')) await tick();
    expect(replay.losses('a')).toEqual(r.losses('a'));
    expect(replay.count('pool')).toBe(0);

    // The same seed with all data from the start: the old batch order, so other losses.
    const fresh = streamingRunner({ ...full });
    fresh.runner.handle({ type: 'reset', runId: 3, shared: SHARED, lanes });
    fresh.runner.handle({ type: 'start', runId: 3 });
    while (!fresh.events.some((e) => e.type === 'state' && e.state === 'finished')) await tick();
    expect(fresh.losses('a')[0]).not.toBe(r.losses('a')[0]);
    expect(fresh.count('pool')).toBe(0);
    for (const x of [r, replay, fresh]) x.runner.dispose();
  });
});

describe('CommandGate', () => {
  const FULL = 55_000;
  const reset = (extra: Partial<Extract<Command, { type: 'reset' }>> = {}) =>
    ({ type: 'reset', runId: 1, shared: SHARED, lanes, ...extra }) as const;

  it('knows how many training images each command needs', () => {
    expect(imagesNeeded(reset(), FULL)).toBe(0);
    expect(imagesNeeded({ type: 'start', runId: 1 }, FULL)).toBe(0);
    expect(imagesNeeded(reset({ shared: { ...SHARED, preprocessing: 'standardize' } }), FULL)).toBe(FULL);
    const pool = {
      changes: [
        { step: 1, images: 5000 },
        { step: 40, images: 15_000 },
      ],
      through: 50,
    };
    expect(imagesNeeded(reset({ pool }), FULL)).toBe(15_000);
    // Trained before any pool was recorded: on everything.
    expect(imagesNeeded(reset({ pool: { changes: [], through: 30 } }), FULL)).toBe(FULL);
    expect(imagesNeeded(reset({ pool: { changes: [], through: 0 } }), FULL)).toBe(0);
  });

  it('holds commands in order until their data is in; a reset replaces what it ends', () => {
    const gate = new CommandGate(FULL);
    const handled: string[] = [];
    const handle = (c: { type: string; runId: number }) => handled.push(`${c.type} ${c.runId}`);
    gate.push(reset({ pool: { changes: [{ step: 1, images: 15_000 }], through: 9 } }));
    gate.push({ type: 'start', runId: 1 });
    gate.flush(5000, handle);
    expect(handled).toEqual([]);
    gate.flush(15_000, handle);
    expect(handled).toEqual(['reset 1', 'start 1']);
    gate.push(reset({ runId: 2, shared: { ...SHARED, preprocessing: 'standardize' } }));
    gate.push({ type: 'start', runId: 2 });
    gate.push(reset({ runId: 3 }));
    gate.flush(15_000, handle);
    expect(handled.slice(2)).toEqual(['reset 3']);
    expect(gate.size).toBe(0);
  });
});

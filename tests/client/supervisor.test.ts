// The worker's supervisor with fake workers: run ids, checkpoints kept, and recovery from a crash, a
// silent worker and a lost GPU context, resuming from the latest checkpoint with the page's timelines.
import { describe, expect, it } from 'vitest';
import type { Command, LaneSetup, TuneCommand, WorkerEvent } from '../../src/protocol';
import { Session } from '../../src/client/session';
import { MAX_RECOVERIES, SILENCE_MS, STALL_MS, Supervisor, type Spawn } from '../../src/client/supervisor';
import type { RunCheckpoint } from '../../src/shared/checkpoint';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf, sharedOf } from '../../src/experiment/runs';

interface FakeWorker {
  sent: (Command | TuneCommand)[];
  terminated: boolean;
  emit(e: WorkerEvent): void;
  crash(message: string): void;
}

function setup() {
  const workers: FakeWorker[] = [];
  const spawn: Spawn = (onEvent, onCrash) => {
    let current = 0;
    const w: FakeWorker = {
      sent: [],
      terminated: false,
      emit: (e) => {
        if ('runId' in e && e.runId !== current) return;
        onEvent(e);
      },
      crash: onCrash,
    };
    workers.push(w);
    return {
      send: (cmd) => w.sent.push(cmd),
      setCurrentRun: (id) => (current = id),
      terminate: () => (w.terminated = true),
    };
  };
  let clock = 0;
  const session = new Session(0);
  const lane: LaneSetup = { lane: 'r1', initial: settingsOf(DEFAULT_CONFIG), timeline: [] };
  // The page recorded a change at step 40 after the reset.
  const later: LaneSetup = { ...lane, timeline: [{ step: 40, key: 'learningRate', value: 0.01 }] };
  const sup = new Supervisor({
    spawn,
    session,
    init: { baseUrl: 'http://x/', softwareWebgl: true, testHooks: false },
    currentLanes: (lanes) => lanes.map((l) => (l.lane === 'r1' ? later : l)),
    now: () => clock,
  });
  const advance = (ms: number) => (clock += ms);
  sup.reset(sharedOf(DEFAULT_CONFIG), [lane]);
  return { sup, session, workers, advance, lane };
}

const checkpoint = (step: number): RunCheckpoint => ({
  step,
  trainingMs: step * 10,
  lanes: [
    {
      lane: 'r1',
      stopped: false,
      weights: [new Float32Array(2)],
      optimizer: {
        name: 'adam',
        hyper: settingsOf(DEFAULT_CONFIG),
        iterations: step,
        products: [],
        slots: [],
      },
    },
  ],
});

const metrics = (runId: number, from: number, to: number): WorkerEvent => ({
  type: 'metrics',
  runId,
  lanes: [
    {
      lane: 'r1',
      points: Array.from({ length: to - from + 1 }, (_, i) => ({
        step: from + i,
        epoch: 0,
        loss: 1,
        accuracy: 0.5,
      })),
      internals: [],
    },
  ],
  stepsPerEpoch: 100,
  totalSteps: 1000,
  samples: 32,
  trainingMs: 1,
});

describe('Supervisor', () => {
  it('starts one worker, initialises it and sends the first reset', () => {
    const { workers } = setup();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent.map((c) => c.type)).toEqual(['init', 'reset']);
  });

  it('after a crash, starts a new worker and resumes from the latest checkpoint with the page’s timelines', () => {
    const { sup, session, workers } = setup();
    const first = workers[0]!;
    first.emit({ type: 'state', runId: 1, state: 'running', step: 0 });
    first.emit(metrics(1, 1, 60));
    first.emit({ type: 'checkpoint', runId: 1, checkpoint: checkpoint(30) });
    first.emit({ type: 'checkpoint', runId: 1, checkpoint: checkpoint(50) });
    first.crash('boom');

    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const second = workers[1]!;
    const reset = second.sent.find((c) => c.type === 'reset');
    expect(second.sent.map((c) => c.type)).toEqual(['init', 'reset', 'start']);
    if (reset?.type !== 'reset') throw new Error('no reset');
    expect(reset.restore?.step).toBe(50);
    expect(reset.runId).toBe(2);
    expect(reset.lanes[0]!.timeline).toEqual([{ step: 40, key: 'learningRate', value: 0.01 }]);

    const snap = session.getSnapshot();
    expect(snap.step).toBe(50);
    expect(snap.lanes.r1!.points.at(-1)?.step).toBe(50);
    expect(snap.recoveries).toEqual([{ kind: 'crash', lostAt: 60, resumedFrom: 50, why: 'boom' }]);
    // The old worker's late events are ignored; the new one's count.
    first.emit(metrics(1, 61, 70));
    second.emit(metrics(2, 51, 55));
    expect(session.getSnapshot().lanes.r1!.points.at(-1)?.step).toBe(55);
    sup.dispose();
  });

  it('hands the pool a run drew from while MNIST arrived to the worker that resumes it', () => {
    const { sup, workers, lane } = setup();
    const first = workers[0]!;
    first.emit({ type: 'state', runId: 1, state: 'running', step: 0 });
    first.emit({ type: 'pool', runId: 1, step: 1, images: 5000 });
    first.emit({ type: 'pool', runId: 1, step: 40, images: 15_000 });
    first.emit(metrics(1, 1, 60));
    first.emit({ type: 'checkpoint', runId: 1, checkpoint: checkpoint(50) });
    first.crash('boom');
    const second = workers[1]!;
    const reset = second.sent.find((c) => c.type === 'reset');
    if (reset?.type !== 'reset') throw new Error('no reset');
    // Steps up to 60 were seen trained with this pool: the new worker must not grow it before then.
    expect(reset.pool).toEqual({
      changes: [
        { step: 1, images: 5000 },
        { step: 40, images: 15_000 },
      ],
      through: 60,
    });
    // The resumed run keeps recording; a second failure carries the whole record on.
    second.emit({ type: 'pool', runId: 2, step: 70, images: 25_000 });
    second.emit(metrics(2, 51, 55));
    second.crash('again');
    const again = workers[2]!.sent.find((c) => c.type === 'reset');
    expect(again?.type === 'reset' && again.pool).toEqual({
      changes: [
        { step: 1, images: 5000 },
        { step: 40, images: 15_000 },
        { step: 70, images: 25_000 },
      ],
      through: 60,
    });
    // A new Reset is a new run: nothing recorded.
    sup.reset(sharedOf(DEFAULT_CONFIG), [lane]);
    workers[2]!.crash('x');
    const fresh = workers[3]!.sent.find((c) => c.type === 'reset');
    expect(fresh?.type === 'reset' && fresh.pool).toEqual({ changes: [], through: 0 });
    sup.dispose();
  });

  it('replaces a worker that falls silent while training, and one that lost its GPU context', () => {
    const { sup, session, workers, advance } = setup();
    workers[0]!.emit({ type: 'state', runId: 1, state: 'running', step: 0 });
    advance(SILENCE_MS - 1);
    sup.tick();
    expect(workers).toHaveLength(1);
    advance(1);
    sup.tick();
    expect(workers).toHaveLength(2);
    expect(session.getSnapshot().recoveries[0]?.kind).toBe('silent');

    workers[1]!.emit({ type: 'state', runId: 2, state: 'running', step: 0 });
    workers[1]!.emit({ type: 'gpuLost', step: 12 });
    expect(workers).toHaveLength(3);
    expect(session.getSnapshot().recoveries.map((r) => r.kind)).toEqual(['silent', 'gpu']);
    // No checkpoint yet: the run starts over from step 0 with its recorded changes.
    const reset = workers[2]!.sent.find((c) => c.type === 'reset');
    expect(reset?.type === 'reset' && reset.restore).toBeUndefined();
    sup.dispose();
  });

  it('waits for a worker that is alive while the device works, up to STALL_MS without progress', () => {
    const { sup, session, workers, advance } = setup();
    workers[0]!.emit({ type: 'state', runId: 1, state: 'running', step: 0 });
    // A long evaluation: nothing but `alive` every 2 s, well past SILENCE_MS.
    const waitAlive = (ms: number) => {
      for (let t = 0; t < ms; t += 2000) {
        advance(2000);
        workers.at(-1)!.emit({ type: 'alive' });
        sup.tick();
      }
    };
    waitAlive(SILENCE_MS * 3);
    expect(workers).toHaveLength(1);
    // `alive` is the supervisor's own: the session never sees it as progress.
    expect(session.getSnapshot().recoveries).toEqual([]);
    waitAlive(STALL_MS - SILENCE_MS * 3 - 2000);
    expect(workers).toHaveLength(1);
    waitAlive(2000);
    expect(workers).toHaveLength(2);
    expect(session.getSnapshot().recoveries[0]?.why).toMatch(/no progress/);
    sup.dispose();
  });

  it('a paused worker is not silent, and a new Reset forgets the old checkpoint', () => {
    const { sup, workers, advance, lane } = setup();
    workers[0]!.emit({ type: 'checkpoint', runId: 1, checkpoint: checkpoint(20) });
    advance(SILENCE_MS * 3);
    sup.tick();
    expect(workers).toHaveLength(1);
    sup.reset(sharedOf(DEFAULT_CONFIG), [lane]);
    workers[0]!.crash('x');
    const reset = workers[1]!.sent.find((c) => c.type === 'reset');
    expect(reset?.type === 'reset' && reset.restore).toBeUndefined();
    sup.dispose();
  });

  it('gives up after repeated failures within a minute, says so, and still accepts a Reset', () => {
    const { sup, session, workers, lane } = setup();
    for (let i = 0; i <= MAX_RECOVERIES; i++) workers.at(-1)!.crash(`crash ${i}`);
    const snap = session.getSnapshot();
    expect(snap.state).toBe('error');
    expect(snap.message).toMatch(/failed 4 times in a minute.*Press Reset/);
    expect(snap.lanes.r1).toBeDefined();
    const last = workers.at(-1)!;
    expect(last.sent.map((c) => c.type)).toEqual(['init']);
    sup.reset(sharedOf(DEFAULT_CONFIG), [lane]);
    expect(last.sent.map((c) => c.type)).toEqual(['init', 'reset']);
    sup.dispose();
  });
});

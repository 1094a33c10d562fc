// The page's side of a tune job: the supervisor pauses training for it, routes its events to the tune
// store (never to the session), cancels it on Start, Step, Pause and Reset, and loses it with its worker.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/client/session';
import { Supervisor } from '../../src/client/supervisor';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf, sharedOf } from '../../src/experiment/runs';
import type { Command, TuneCommand, TuneJob, WorkerEvent } from '../../src/protocol';
import { TuneStore } from '../../src/tune/store';

function setup() {
  const sent: (Command | TuneCommand)[] = [];
  const workers: { emit(e: WorkerEvent): void; crash(m: string): void }[] = [];
  const session = new Session(0);
  const tune = new TuneStore();
  const sup = new Supervisor({
    spawn: (onEvent, onCrash) => {
      workers.push({ emit: onEvent, crash: onCrash });
      return { send: (c) => sent.push(c), setCurrentRun: () => {}, terminate: () => {} };
    },
    session,
    init: { baseUrl: 'http://x/', softwareWebgl: true, testHooks: false },
    currentLanes: (l) => l,
    tune,
  });
  sup.reset(sharedOf(DEFAULT_CONFIG), [{ lane: 'r1', initial: settingsOf(DEFAULT_CONFIG), timeline: [] }]);
  const types = () => sent.map((c) => c.type);
  return { sup, session, tune, workers, sent, types };
}

const JOB: TuneJob = { kind: 'rangeTest', settings: settingsOf(DEFAULT_CONFIG), steps: 100 };

describe('tune routing', () => {
  it('pauses running training first, then sends the job; its events reach the tune store', () => {
    const { sup, session, tune, workers, sent, types } = setup();
    session.handle({ type: 'state', runId: 1, state: 'running', step: 5 });
    sent.length = 0;
    sup.tune(sharedOf(DEFAULT_CONFIG), JOB);
    expect(types()).toEqual(['pause', 'tune']);
    const job = sent[1] as Extract<TuneCommand, { type: 'tune' }>;
    const point = { step: 1, learningRate: 1e-6, loss: 2.3, smoothed: 2.3 };
    const version = session.getSnapshot().version;
    workers[0]!.emit({ type: 'tune', jobId: job.jobId, update: { kind: 'range', points: [point] } });
    expect(tune.getSnapshot().range?.points).toEqual([point]);
    expect(session.getSnapshot().version).toBe(version);
  });

  it('cancels the job on Start, Step and Reset, once each', () => {
    const { sup, tune, sent, types } = setup();
    for (const action of [
      () => sup.command('start'),
      () => sup.command('step'),
      () => sup.reset(sharedOf(DEFAULT_CONFIG), []),
    ]) {
      sup.tune(sharedOf(DEFAULT_CONFIG), JOB);
      sent.length = 0;
      action();
      expect(types()[0]).toBe('cancelTune');
      expect(tune.getSnapshot().range?.status).toBe('cancelled');
      sent.length = 0;
      action();
      expect(types()).not.toContain('cancelTune');
    }
  });

  it('stops cancelling once the worker says the job ended', () => {
    const { sup, workers, sent, types } = setup();
    sup.tune(sharedOf(DEFAULT_CONFIG), JOB);
    const { jobId } = sent.at(-1) as Extract<TuneCommand, { type: 'tune' }>;
    const update = { kind: 'ended', outcome: 'done', tensorsBefore: 1, tensorsAfter: 1 } as const;
    workers[0]!.emit({ type: 'tune', jobId, update });
    sent.length = 0;
    sup.command('start');
    expect(types()).toEqual(['start']);
  });

  it('marks a job lost when its worker crashes', () => {
    const { sup, tune, workers } = setup();
    sup.tune(sharedOf(DEFAULT_CONFIG), JOB);
    workers[0]!.crash('boom');
    expect(tune.getSnapshot().range?.status).toBe('error');
  });
});

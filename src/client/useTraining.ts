// React binding of the worker client and the session store: one worker per page, commands as callbacks.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Experiment, LiveKey, RunSettings, TimelineEntry } from '../experiment/types';
import type { LaneSetup, LiveChange, SharedSetup } from '../protocol';
import { Session, type AppliedChange, type SessionSnapshot } from './session';
import { createTrainingClient, type TrainingClient } from './trainingClient';

function hyperOf(s: RunSettings): LaneSetup['hyper'] {
  return {
    learningRate: s.learningRate,
    momentum: s.momentum,
    nesterov: s.nesterov,
    beta1: s.beta1,
    beta2: s.beta2,
    epsilon: s.epsilon,
  };
}

/** The worker's form of one setting change. */
export function liveChangeOf<K extends LiveKey>(key: K, value: RunSettings[K]): LiveChange {
  return key === 'optimizer'
    ? { kind: 'optimizer', optimizer: value as RunSettings['optimizer'] }
    : { kind: 'hyper', changes: { [key]: value } };
}

function lanesOf(e: Experiment): LaneSetup[] {
  return e.runs.map((r) => ({
    lane: r.id,
    optimizer: r.initial.optimizer,
    hyper: hyperOf(r.initial),
    schedule: r.timeline.map((t: TimelineEntry) => ({ step: t.step, change: liveChangeOf(t.key, t.value) })),
  }));
}

export interface TrainingControls {
  snap: SessionSnapshot;
  /** Starts over from the seed's initial weights with these runs; recorded timelines replay. */
  reset(e: Experiment): void;
  start(): void;
  pause(): void;
  step(): void;
  change(lane: string, change: LiveChange): void;
}

/** Resolves the app root for the worker: in dev the worker lives under /src/, so it cannot guess. */
function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function useTraining(
  initial: Experiment,
  softwareWebgl: boolean,
  onApplied: (e: AppliedChange) => void,
): TrainingControls {
  const session = useMemo(() => new Session(), []);
  const client = useRef<TrainingClient | null>(null);
  const runId = useRef(0);
  const changeId = useRef(0);
  const startup = useRef({ initial, softwareWebgl });

  useEffect(() => session.listenApplied(onApplied), [session, onApplied]);

  const reset = useCallback(
    (e: Experiment) => {
      runId.current += 1;
      client.current?.setCurrentRun(runId.current);
      session.newRun(
        runId.current,
        e.runs.map((r) => r.id),
      );
      const shared: SharedSetup = { ...e.shared };
      client.current?.send({ type: 'reset', runId: runId.current, shared, lanes: lanesOf(e) });
    },
    [session],
  );

  useEffect(() => {
    const c = createTrainingClient(
      (e) => session.handle(e),
      (message) => session.fail(message),
    );
    client.current = c;
    c.send({ type: 'init', baseUrl: appBaseUrl(), softwareWebgl: startup.current.softwareWebgl });
    reset(startup.current.initial);
    return () => {
      c.terminate();
      client.current = null;
    };
  }, [session, reset]);

  // A transition, not useSyncExternalStore: React may then render the charts in slices between
  // browser tasks, so a redraw never blocks input for long. Worker state changes are not urgent.
  const [snap, setSnap] = useState(session.getSnapshot);
  useEffect(() => session.subscribe(() => startTransition(() => setSnap(session.getSnapshot()))), [session]);
  const send = useCallback(
    (type: 'start' | 'pause' | 'step') => client.current?.send({ type, runId: runId.current }),
    [],
  );

  return {
    snap,
    reset,
    start: useCallback(() => send('start'), [send]),
    pause: useCallback(() => send('pause'), [send]),
    step: useCallback(() => send('step'), [send]),
    change: useCallback((lane: string, change: LiveChange) => {
      changeId.current += 1;
      // Marks let anyone (the benchmark, the browser's performance panel) see change → acknowledgement latency.
      performance.mark(`live-change-sent:${runId.current}:${changeId.current}`);
      client.current?.send({
        type: 'change',
        runId: runId.current,
        lane,
        changeId: changeId.current,
        change,
      });
    }, []),
  };
}

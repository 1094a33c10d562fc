// React binding of the worker client and the session store: one worker per page, commands as callbacks.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Experiment } from '../experiment/types';
import type { LaneSetup } from '../protocol';
import type { LiveChange } from '../shared/settings';
import { Session, type AppliedChange, type SessionSnapshot } from './session';
import { createTrainingClient, type TrainingClient } from './trainingClient';

function lanesOf(e: Experiment): LaneSetup[] {
  return e.runs.map((r) => ({ lane: r.id, initial: r.initial, timeline: r.timeline }));
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
      client.current?.send({ type: 'reset', runId: runId.current, shared: e.shared, lanes: lanesOf(e) });
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
    change: useCallback(
      (lane: string, change: LiveChange) => {
        changeId.current += 1;
        // Marks let anyone (the benchmark, the browser's performance panel) see change → acknowledgement latency.
        session.markSent(runId.current, changeId.current);
        client.current?.send({
          type: 'change',
          runId: runId.current,
          lane,
          changeId: changeId.current,
          change,
        });
      },
      [session],
    ),
  };
}

// React binding of the worker client and the session store: one worker per page, commands as callbacks.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { RunConfig } from '../config/schema';
import type { LiveChange, RunSetup } from '../protocol';
import { Session, type SessionSnapshot } from './session';
import { createTrainingClient, type TrainingClient } from './trainingClient';

export function setupOf(c: RunConfig): RunSetup {
  return {
    optimizer: c.optimizer,
    hyper: {
      learningRate: c.learningRate, momentum: c.momentum, nesterov: c.nesterov,
      beta1: c.beta1, beta2: c.beta2, epsilon: c.epsilon,
    },
    batchSize: c.batchSize,
    epochs: c.epochs,
    preprocessing: c.preprocessing,
    seed: c.seed,
  };
}

export interface TrainingControls {
  snap: SessionSnapshot;
  /** The setup the current run was created with (structural settings differ from the form until Reset). */
  reset(config: RunConfig): void;
  start(): void;
  pause(): void;
  step(): void;
  change(change: LiveChange, label: string): void;
}

/** Resolves the app root for the worker: in dev the worker lives under /src/, so it cannot guess. */
function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function useTraining(initial: RunConfig): TrainingControls {
  const session = useMemo(() => new Session(), []);
  const client = useRef<TrainingClient | null>(null);
  const runId = useRef(0);
  const changeId = useRef(0);
  const initialConfig = useRef(initial);

  const reset = useCallback(
    (config: RunConfig) => {
      runId.current += 1;
      client.current?.setCurrentRun(runId.current);
      session.newRun(runId.current);
      client.current?.send({ type: 'reset', runId: runId.current, setup: setupOf(config) });
    },
    [session],
  );

  useEffect(() => {
    const c = createTrainingClient(
      (e) => session.handle(e),
      (message) => session.fail(message),
    );
    client.current = c;
    c.send({ type: 'init', baseUrl: appBaseUrl(), softwareWebgl: initialConfig.current.webgl === 'software' });
    reset(initialConfig.current);
    return () => {
      c.terminate();
      client.current = null;
    };
  }, [session, reset]);

  const snap = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const send = useCallback((type: 'start' | 'pause' | 'step') => client.current?.send({ type, runId: runId.current }), []);

  return {
    snap,
    reset,
    start: useCallback(() => send('start'), [send]),
    pause: useCallback(() => send('pause'), [send]),
    step: useCallback(() => send('step'), [send]),
    change: useCallback(
      (change: LiveChange, label: string) => {
        changeId.current += 1;
        session.expectChange(changeId.current, label);
        // Marks let anyone (the benchmark, the browser's performance panel) see change → acknowledgement latency.
        performance.mark(`live-change-sent:${runId.current}:${changeId.current}`);
        client.current?.send({ type: 'change', runId: runId.current, changeId: changeId.current, change });
      },
      [session],
    ),
  };
}

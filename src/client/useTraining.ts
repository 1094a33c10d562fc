// React binding of the training worker (through its supervisor) and the session store: one worker at a
// time per page, replaced and resumed from a checkpoint if it fails; commands as callbacks.
import { chartRenders, type CountedChart } from '../shared/renderCount';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Experiment } from '../experiment/types';
import type { InsightEvent, InsightRequest, LaneSetup, TestHookAction } from '../protocol';
import type { RunCheckpoint } from '../shared/checkpoint';
import type { PoolHistory } from '../shared/pool';
import type { LiveChange } from '../shared/settings';
import type { TraceTarget } from '../shared/trace';
import { Session, type AppliedChange, type SessionSnapshot } from './session';
import { registerServiceWorker } from './serviceWorker';
import { Supervisor } from './supervisor';
import { createTrainingClient } from './trainingClient';
import { onSlider, watchInteraction, setSliderActive } from './interaction';
import { TuneStore, type TuneControls } from '../tune/store';
import { useTune } from './useTune';

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
  /** Follow this output weight (flat index in the last kernel) or the largest |g| again. */
  follow(target: TraceTarget): void;
  /** After a download failed for good: load the data again. */
  retryLoad(): void;
  /** Asks about a lane's current weights (what the model learned); returns the request's id (0: no worker). */
  ask(request: InsightRequest): number;
  /** Hears the answers to ask() of the current run. */
  listenInsight(fn: (e: InsightEvent) => void): () => void;
  /** The run's latest checkpoint (taken every few seconds of training, on pause, after a Step and at the end). */
  checkpoint(): RunCheckpoint | null;
  /** The pools the run drew from while MNIST arrived, for an export that replays it (PyTorch). */
  pool(): PoolHistory | null;
  /** The Tune panel's jobs: a range test or a random search, run while training is paused. */
  tune: TuneControls;
}

/** Resolves the app root for the worker: in dev the worker lives under /src/, so it cannot guess. */
function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

/**
 * `?testhooks` in the page's address (outside the hash, so shared links never carry it) lets browser
 * tests force a lost GPU context or a crashed worker through `window.playgroundTestHooks`.
 */
function testHooksWanted(): boolean {
  return new URLSearchParams(window.location.search).has('testhooks');
}

/** What browser tests may do to the page (only with `?testhooks`). */
export interface TestHooks extends Record<TestHookAction, () => void> {
  /** The first run's recorded training points, to compare losses before and after a recovery. */
  points(): { step: number; loss: number }[];
  /** What the worker's TensorFlow.js held at the last validation (soak checks). */
  memory(): SessionSnapshot['workerMemory'];
  /** Renders of each chart so far: a slider key must add none. */
  chartRenders(): Record<CountedChart, number>;
}

declare global {
  interface Window {
    playgroundTestHooks?: TestHooks;
  }
}

/** How often the supervisor checks that a training worker still speaks. */
const WATCHDOG_MS = 1000;

export function useTraining(
  initial: Experiment,
  softwareWebgl: boolean,
  onApplied: (e: AppliedChange) => void,
  /** The experiment as edited now: its timelines hold the changes recorded since the last Reset. */
  current: RefObject<Experiment>,
): TrainingControls {
  const session = useMemo(() => new Session(), []);
  const tuneStore = useMemo(() => new TuneStore(), []);
  const supervisor = useRef<Supervisor | null>(null);
  const startup = useRef({ initial, softwareWebgl });

  useEffect(() => session.listenApplied(onApplied), [session, onApplied]);

  const reset = useCallback((e: Experiment) => supervisor.current?.reset(e.shared, lanesOf(e)), []);

  useEffect(() => {
    const testHooks = testHooksWanted();
    const s = new Supervisor({
      spawn: createTrainingClient,
      session,
      init: { baseUrl: appBaseUrl(), softwareWebgl: startup.current.softwareWebgl, testHooks },
      // A resumed run keeps the runs it had; their timelines are the page's, which may have grown.
      currentLanes: (lanes) =>
        lanes.map((l) => {
          const run = current.current.runs.find((r) => r.id === l.lane);
          return run ? { ...l, initial: run.initial, timeline: run.timeline } : l;
        }),
      tune: tuneStore,
    });
    supervisor.current = s;
    s.reset(startup.current.initial.shared, lanesOf(startup.current.initial));
    const watchdog = setInterval(() => s.tick(), WATCHDOG_MS);
    // While the page is in use the worker queues less GPU work, and while a slider is dragged the
    // charts wait too: both would otherwise delay the control's next frame.
    const stopPacing = watchInteraction((active) => s.send({ type: 'interaction', active }));
    const stopHolding = watchInteraction(
      (active) => {
        setSliderActive(active);
        session.hold('interacting', active);
      },
      window,
      onSlider,
    );
    // Training goes on in a hidden tab; only the page stops redrawing until it is shown again.
    const onVisibility = () => session.hold('hidden', document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    if (testHooks) {
      window.playgroundTestHooks = {
        loseContext: () => s.send({ type: 'testHook', action: 'loseContext' }),
        crash: () => s.send({ type: 'testHook', action: 'crash' }),
        points: () =>
          [...(Object.values(session.getSnapshot().lanes)[0]?.points ?? [])].map(({ step, loss }) => ({
            step,
            loss,
          })),
        memory: () => session.getSnapshot().workerMemory,
        chartRenders: () => ({ ...chartRenders }),
      };
    }
    return () => {
      clearInterval(watchdog);
      stopPacing();
      stopHolding();
      document.removeEventListener('visibilitychange', onVisibility);
      s.dispose();
      supervisor.current = null;
      delete window.playgroundTestHooks;
    };
  }, [session, current, tuneStore]);

  // A transition, not useSyncExternalStore: React may then render the charts in slices between
  // browser tasks, so a redraw never blocks input for long. Worker state changes are not urgent.
  const [snap, setSnap] = useState(session.getSnapshot);
  useEffect(() => session.subscribe(() => startTransition(() => setSnap(session.getSnapshot()))), [session]);
  // Offline use once all of MNIST is here: the precache then mostly revalidates what just arrived.
  useEffect(() => {
    if (snap.dataComplete) registerServiceWorker();
  }, [snap.dataComplete]);

  return {
    snap,
    reset,
    start: useCallback(() => supervisor.current?.command('start'), []),
    pause: useCallback(() => supervisor.current?.command('pause'), []),
    step: useCallback(() => supervisor.current?.command('step'), []),
    change: useCallback((lane: string, change: LiveChange) => supervisor.current?.change(lane, change), []),
    retryLoad: useCallback(() => supervisor.current?.retryLoad(), []),
    follow: useCallback((target: TraceTarget) => supervisor.current?.follow(target), []),
    ask: useCallback((request: InsightRequest) => supervisor.current?.ask(request) ?? 0, []),
    listenInsight: session.listenInsight,
    checkpoint: useCallback(() => supervisor.current?.latestCheckpoint() ?? null, []),
    pool: useCallback(() => supervisor.current?.poolHistory() ?? null, []),
    tune: useTune(tuneStore, supervisor),
  };
}

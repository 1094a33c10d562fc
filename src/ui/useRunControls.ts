// Reset, Start, Step and Pause around the worker. Reset drops waiting live changes and drafts and
// remembers which runs now have lanes; Start and Step first send the changes the coalescer holds.
import { useCallback, useMemo, useState } from 'react';
import { LiveChanges } from '../client/liveChanges';
import type { useExperiment } from '../client/useExperiment';
import type { TrainingControls } from '../client/useTraining';
import type { Experiment } from '../experiment/types';
import { useShortcuts } from './useShortcuts';

export function useRunControls(
  initial: Experiment,
  exp: ReturnType<typeof useExperiment>,
  training: TrainingControls,
) {
  const { ref, update, clearDrafts } = exp;
  const { snap, reset, start, pause, step, change } = training;
  // The experiment as the worker last set it up: its runs have lanes, its shared settings are in force.
  const [trained, setTrained] = useState(initial);
  const live = useMemo(() => new LiveChanges(change), [change]);
  const laneIds = useMemo(() => new Set(trained.runs.map((r) => r.id)), [trained]);

  const doReset = useCallback(
    (e: Experiment) => {
      live.cancel();
      clearDrafts();
      setTrained(e);
      reset(e);
    },
    [live, clearDrafts, reset],
  );
  const onStart = useCallback(() => {
    live.flush();
    start();
  }, [live, start]);
  const onStep = useCallback(() => {
    live.flush();
    step();
  }, [live, step]);
  const resetToCurrent = useCallback(() => doReset(ref.current), [doReset, ref]);
  useShortcuts({
    ' ': () => {
      if (snap.state === 'running') pause();
      else if (snap.state === 'idle' || snap.state === 'paused') onStart();
    },
    s: () => {
      if (snap.state === 'idle' || snap.state === 'paused') onStep();
    },
    r: () => {
      if (snap.dataReady) resetToCurrent();
    },
  });
  /** Drops every recorded change and starts over from the runs' starting settings. */
  const forgetChanges = useCallback(() => {
    update((e) => ({ ...e, runs: e.runs.map((r) => ({ ...r, timeline: [] })) }));
    doReset(ref.current);
  }, [update, doReset, ref]);

  return {
    live,
    laneIds,
    trainedShared: trained.shared,
    /** The runs as the last Reset set them up (their timelines are what a replay applies). */
    trainedRuns: trained.runs,
    reset: doReset,
    resetToCurrent,
    start: onStart,
    step: onStep,
    pause,
    forgetChanges,
  };
}

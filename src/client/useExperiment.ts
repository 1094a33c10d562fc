// The experiment being edited: its runs, their timelines (recorded from the worker's acknowledgements)
// and the drafts shown between an edit and its acknowledgement.
import { useCallback, useRef, useState } from 'react';
import { recordChange } from '../experiment/timeline';
import type { Experiment, LiveKey, RunSettings, RunSpec } from '../experiment/types';
import type { AppliedChange } from './session';

export type Drafts = Record<string, Partial<RunSettings>>;

/** The one setting a change sets (the page sends one setting per change). */
export function changedSetting(e: AppliedChange): [LiveKey, RunSettings[LiveKey]] | null {
  if (e.change.kind === 'optimizer') return ['optimizer', e.change.optimizer];
  const entry = Object.entries(e.change.changes)[0];
  return entry ? [entry[0] as LiveKey, entry[1]] : null;
}

export function useExperiment(initial: Experiment) {
  const [experiment, setExperiment] = useState(initial);
  // Callbacks read the latest experiment without being re-created on every edit.
  const ref = useRef(initial);
  const [drafts, setDrafts] = useState<Drafts>({});

  const update = useCallback((f: (e: Experiment) => Experiment) => {
    ref.current = f(ref.current);
    setExperiment(ref.current);
  }, []);

  const updateRun = useCallback(
    (id: string, f: (r: RunSpec) => RunSpec) =>
      update((e) => ({ ...e, runs: e.runs.map((r) => (r.id === id ? f(r) : r)) })),
    [update],
  );

  const draft = useCallback(<K extends LiveKey>(id: string, key: K, value: RunSettings[K]) => {
    setDrafts((d) => ({ ...d, [id]: { ...d[id], [key]: value } }));
  }, []);

  /** A change the worker applied: before the first step it is the run's setting, later a timeline entry. */
  const recordApplied = useCallback(
    (e: AppliedChange) => {
      const setting = changedSetting(e);
      if (!setting || e.changeId < 0) return; // replayed changes are in the timeline already
      const [key, value] = setting;
      updateRun(e.lane, (r) =>
        e.step <= 1 ? { ...r, initial: { ...r.initial, [key]: value } } : recordChange(r, e.step, key, value),
      );
      setDrafts((d) => {
        const forRun = d[e.lane];
        if (!forRun || !(key in forRun) || forRun[key] !== value) return d;
        const rest = { ...forRun };
        delete rest[key];
        return { ...d, [e.lane]: rest };
      });
    },
    [updateRun],
  );

  return {
    experiment,
    ref,
    update,
    updateRun,
    drafts,
    draft,
    clearDrafts: useCallback(() => setDrafts({}), []),
    recordApplied,
  };
}

// The experiment being edited: its runs, their timelines (recorded from the worker's acknowledgements)
// and the drafts shown between an edit and its acknowledgement.
import { useCallback, useRef, useState } from 'react';
import { recordChange } from '../experiment/timeline';
import type { Experiment, RunSpec } from '../experiment/types';
import { withChange, type LiveChange, type LiveKey, type RunSettings } from '../shared/settings';
import type { AppliedChange } from './session';

export type Drafts = Record<string, Partial<RunSettings>>;

/** `draft` without the values `shown` already has; the same object when there are none. */
export function withoutSettled(
  draft: Partial<RunSettings> | undefined,
  shown: RunSettings,
): Partial<RunSettings> | undefined {
  if (!draft) return draft;
  const keys = (Object.keys(draft) as LiveKey[]).filter((k) => Object.is(draft[k], shown[k]));
  if (keys.length === 0) return draft;
  const rest = { ...draft };
  for (const k of keys) delete rest[k];
  return rest;
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

  /** An edit shown at once, before the worker acknowledges it. */
  const draft = useCallback((id: string, change: LiveChange) => {
    setDrafts((d) => ({ ...d, [id]: { ...d[id], [change.key]: change.value } }));
  }, []);

  /** A change the worker applied: before the first step it is the run's setting, later a timeline entry. */
  const recordApplied = useCallback(
    (e: AppliedChange) => {
      if (e.changeId < 0) return; // replayed changes are in the timeline already
      const { change } = e;
      updateRun(e.lane, (r) =>
        e.step <= 1 ? { ...r, initial: withChange(r.initial, change) } : recordChange(r, e.step, change),
      );
      // The draft stays until the published step reaches the change (settleDrafts): the page's
      // snapshot may still be a few steps behind it, and the control must not jump back meanwhile.
    },
    [updateRun],
  );

  /** Drops run `id`'s drafts that its recorded settings (`shown`, at the published step) now equal. */
  const settleDrafts = useCallback((id: string, shown: RunSettings) => {
    setDrafts((d) => {
      const settled = withoutSettled(d[id], shown);
      return settled === d[id] ? d : { ...d, [id]: settled ?? {} };
    });
  }, []);

  return {
    experiment,
    settleDrafts,
    ref,
    update,
    updateRun,
    drafts,
    draft,
    clearDrafts: useCallback(() => setDrafts({}), []),
    recordApplied,
  };
}

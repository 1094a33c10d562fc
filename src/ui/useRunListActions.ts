// Run list actions: add (a copy of the selected run's current settings), remove, rename and recolour,
// and "Compare optimizers". Adding or removing before the first step resets at once; later on, Reset does.
import { useCallback } from 'react';
import type { useExperiment } from '../client/useExperiment';
import { comparisonRuns, runFromSettings, runsWorthKeeping } from '../experiment/runs';
import { settingsAt } from '../experiment/timeline';
import { MAX_RUNS, type Experiment, type RunSpec } from '../experiment/types';
import type { OptimizerName, RunSettings } from '../shared/settings';
import { useI18n } from '../i18n/I18n';
import { renameRun } from './runName';

let nextId = 0;
const newId = () => `n${++nextId}`;

interface Deps {
  exp: ReturnType<typeof useExperiment>;
  selectedId: string;
  /** The session's current step: 0 before the first one. */
  step: number;
  run: { reset(e: Experiment): void; start(): void };
  select(id: string): void;
}

export function useRunListActions({ exp, selectedId, step: snapStep, run, select: setSelectedId }: Deps) {
  const { ref, update, updateRun } = exp;
  const { reset: doReset, start } = run;
  const { m } = useI18n();
  const changeRuns = useCallback(
    (f: (runs: RunSpec[]) => RunSpec[]) => {
      update((e) => ({ ...e, runs: f(e.runs) }));
      if (snapStep === 0) doReset(ref.current);
    },
    [update, snapStep, doReset, ref],
  );

  /** A run of `settings` (called `name`, else after its optimizer) joins the experiment, up to MAX_RUNS. */
  const addRun = useCallback(
    (settings: RunSettings, name?: string) => {
      const runs = ref.current.runs;
      if (runs.length >= MAX_RUNS) return;
      const run = runFromSettings(settings, runs.length, newId());
      changeRuns((rs) => [...rs, name ? { ...run, name } : run]);
      setSelectedId(run.id);
    },
    [ref, changeRuns, setSelectedId],
  );

  return {
    addRun,
    onUpdate: useCallback(
      (id: string, patch: Partial<Pick<RunSpec, 'color' | 'hidden'>>) =>
        updateRun(id, (r) => ({ ...r, ...patch })),
      [updateRun],
    ),
    onRename: useCallback(
      (id: string, text: string, optimizer: OptimizerName) =>
        updateRun(id, (r) => renameRun(r, text, optimizer)),
      [updateRun],
    ),
    onAdd: useCallback(() => {
      const runs = ref.current.runs;
      const source = runs.find((r) => r.id === selectedId) ?? runs[0]!;
      addRun(settingsAt(source, snapStep + 1));
    }, [ref, selectedId, snapStep, addRun]),
    onRemove: useCallback(
      (id: string) => {
        const rest = ref.current.runs.filter((r) => r.id !== id);
        if (rest.length === 0) return;
        changeRuns(() => rest);
        if (id === selectedId) setSelectedId(rest[0]!.id);
      },
      [ref, selectedId, changeRuns, setSelectedId],
    ),
    /**
     * SGD, Momentum and Adam from the same start, each with a learning rate that suits it, racing at
     * once; asks first when that would replace runs the user has made.
     */
    onCompare: useCallback(() => {
      const current = ref.current.runs;
      if (runsWorthKeeping(current, snapStep) && !window.confirm(m.runs.compareConfirm(current.length)))
        return;
      const runs = comparisonRuns(newId);
      update((e) => ({ ...e, runs }));
      setSelectedId(runs[runs.length - 1]!.id);
      doReset(ref.current);
      start();
    }, [update, setSelectedId, doReset, ref, start, snapStep, m]),
  };
}

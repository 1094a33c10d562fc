// A link the user navigates to (back/forward, a pasted link) replaces the experiment: its ignored items
// replace the old link's notice, its first run is selected and training starts over from it.
import { useCallback } from 'react';
import type { ParsedLocation } from '../client/urlState';
import type { useExperiment } from '../client/useExperiment';
import { useUrlSync } from '../client/useUrlSync';
import type { Experiment } from '../experiment/types';
import type { WebglMode } from '../shared/settings';

interface Deps {
  exp: ReturnType<typeof useExperiment>;
  webgl: WebglMode;
  setLinkProblems(problems: readonly string[]): void;
  select(id: string): void;
  run: { reset(e: Experiment): void };
}

export function useLinkNavigation({ exp, webgl, setLinkProblems, select, run }: Deps): void {
  const { experiment, update } = exp;
  const { reset } = run;
  const onNavigate = useCallback(
    ({ experiment: next, notices }: ParsedLocation) => {
      setLinkProblems(notices);
      update(() => next);
      select(next.runs[0]!.id);
      reset(next);
    },
    [setLinkProblems, update, select, reset],
  );
  useUrlSync(experiment, webgl, onNavigate);
}

// The settings form's onChange: routes each edit (see settingRoute.ts) for the selected run.
import { withStartingSetting } from '../experiment/timeline';
import { useCallback, type RefObject } from 'react';
import type { LiveChanges } from '../client/liveChanges';
import type { useExperiment } from '../client/useExperiment';
import type { RunSettings, SettingChange } from '../shared/settings';
import { routeSetting, withSharedChange } from './settingRoute';

interface Deps {
  exp: ReturnType<typeof useExperiment>;
  selectedId: string;
  /** Whether the selected run will train more steps (see laneTrains). */
  trains: boolean;
  /** The coalescer live edits go through. */
  run: { live: LiveChanges };
  /** The selected run's settings as shown: a coalesced drag remembers where it started. */
  shownSettings: RefObject<RunSettings>;
}

export function useSettingRouting({ exp, selectedId, trains, run, shownSettings }: Deps) {
  const { ref, draft, update, updateRun } = exp;
  const { live } = run;
  return useCallback(
    (change: SettingChange) => {
      const route = routeSetting(change, trains);
      switch (route.to) {
        case 'nowhere':
          return;
        case 'shared':
          return update((e) => ({ ...e, shared: withSharedChange(e.shared, route.change) }));
        case 'lane':
        case 'initial': {
          if (!ref.current.runs.some((r) => r.id === selectedId)) return;
          const { change: edit } = route;
          draft(selectedId, edit);
          if (route.to === 'lane') live.edit(selectedId, shownSettings.current[edit.key], edit);
          else updateRun(selectedId, (r) => withStartingSetting(r, edit));
        }
      }
    },
    [ref, selectedId, trains, live, shownSettings, draft, update, updateRun],
  );
}

// The settings form's onChange: routes each edit (see settingRoute.ts) for the selected run.
import { useCallback, type RefObject } from 'react';
import type { LiveChanges } from '../client/liveChanges';
import type { useExperiment } from '../client/useExperiment';
import { withChange, type RunSettings, type SettingChange } from '../shared/settings';
import { routeSetting, withSharedChange } from './settingRoute';

interface Deps {
  exp: ReturnType<typeof useExperiment>;
  selectedId: string;
  /** Which runs train now, and the coalescer their live edits go through. */
  run: { laneIds: ReadonlySet<string>; live: LiveChanges };
  /** The selected run's settings as shown: a coalesced drag remembers where it started. */
  shownSettings: RefObject<RunSettings>;
}

export function useSettingRouting({ exp, selectedId, run, shownSettings }: Deps) {
  const { ref, draft, update, updateRun } = exp;
  const { laneIds, live } = run;
  return useCallback(
    (change: SettingChange) => {
      const route = routeSetting(change, laneIds.has(selectedId));
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
          else updateRun(selectedId, (r) => ({ ...r, initial: withChange(r.initial, edit) }));
        }
      }
    },
    [ref, selectedId, laneIds, live, shownSettings, draft, update, updateRun],
  );
}

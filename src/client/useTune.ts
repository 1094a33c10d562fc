// React binding of the Tune panel's store: its record as state, and its commands through the supervisor.
import { useCallback, useMemo, useSyncExternalStore, type RefObject } from 'react';
import type { TuneJob } from '../protocol';
import type { SharedSettings } from '../shared/settings';
import type { TuneControls, TuneStore } from '../tune/store';
import type { Supervisor } from './supervisor';

export function useTune(store: TuneStore, supervisor: RefObject<Supervisor | null>): TuneControls {
  // Updates come a few times a second at most (one per chunk of steps): no transition needed.
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const start = useCallback(
    (shared: SharedSettings, job: TuneJob) => supervisor.current?.tune(shared, job),
    [supervisor],
  );
  const cancel = useCallback(() => supervisor.current?.cancelTune(), [supervisor]);
  return useMemo(() => ({ snap, start, cancel }), [snap, start, cancel]);
}

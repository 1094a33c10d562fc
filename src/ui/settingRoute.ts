// Where an edit in the settings form goes: a live setting of a training run to the live-change
// coalescer (shown as a draft until acknowledged), of a run that joins on Reset to its starting
// settings; a shared setting to the experiment (it applies on Reset). The WebGL mode is the link's.
import {
  isLiveChange,
  type ChangeOf,
  type LiveChange,
  type SettingChange,
  type SharedSettings,
} from '../shared/settings';
import type { RunState } from '../protocol';

export type SettingRoute =
  | { to: 'lane'; change: LiveChange }
  | { to: 'initial'; change: LiveChange }
  | { to: 'shared'; change: ChangeOf<SharedSettings> }
  | { to: 'nowhere' };

/**
 * `laneTrains`: the run has a lane that will train more steps. A run that joins on Reset, or whose
 * lane has diverged or finished, trains no further step, so its edit is its starting setting for
 * the next Reset, not a timeline entry that Reset would replay (and a link would carry).
 */
export function routeSetting(change: SettingChange, laneTrains: boolean): SettingRoute {
  if (isLiveChange(change)) return { to: laneTrains ? 'lane' : 'initial', change };
  if (change.key === 'webgl') return { to: 'nowhere' };
  return { to: 'shared', change };
}

/** `shared` with `change` applied (a new object). */
export function withSharedChange(shared: SharedSettings, change: ChangeOf<SharedSettings>): SharedSettings {
  return { ...shared, [change.key]: change.value };
}

/** Whether run `id` trains more steps if Start is pressed: it has a lane, the run can go on, its lane has not stopped. */
export function laneTrains(
  snap: { state: RunState; lanes: Readonly<Record<string, { stopped: string | null } | undefined>> },
  id: string,
  laneIds: ReadonlySet<string>,
): boolean {
  if (!laneIds.has(id)) return false;
  if (snap.state === 'diverged' || snap.state === 'finished' || snap.state === 'error') return false;
  return !snap.lanes[id]?.stopped;
}

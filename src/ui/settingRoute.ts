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

export type SettingRoute =
  | { to: 'lane'; change: LiveChange }
  | { to: 'initial'; change: LiveChange }
  | { to: 'shared'; change: ChangeOf<SharedSettings> }
  | { to: 'nowhere' };

export function routeSetting(change: SettingChange, runHasLane: boolean): SettingRoute {
  if (isLiveChange(change)) return { to: runHasLane ? 'lane' : 'initial', change };
  if (change.key === 'webgl') return { to: 'nowhere' };
  return { to: 'shared', change };
}

/** `shared` with `change` applied (a new object). */
export function withSharedChange(shared: SharedSettings, change: ChangeOf<SharedSettings>): SharedSettings {
  return { ...shared, [change.key]: change.value };
}

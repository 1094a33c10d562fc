// Reading and editing a run's timeline of live changes: the settings in force at a step (settingsAt),
// the chart markers (markersOf) and recording a new change (recordChange).
import { valueText } from '../config/sliders';
import { sortTimeline } from './runs';
import {
  withChange,
  type LiveChange,
  type LiveKey,
  type RunConfig,
  type RunSettings,
  type TimelineEntry,
} from '../shared/settings';
import type { RunSpec } from './types';
import type { Text } from '../i18n/text';

export interface TimelineMarker {
  step: number;
  /** "β2 0.999 → 0.9", rendered in the page's language by whoever shows it. */
  label: Text;
}

/** The settings step `step` trains with: the initial ones plus every change from a step ≤ `step`. */
export function settingsAt(run: RunSpec, step: number): RunSettings {
  let settings = { ...run.initial };
  // No early exit: a timeline that someone built unsorted still gives the right answer.
  for (const entry of run.timeline) if (entry.step <= step) settings = withChange(settings, entry);
  return settings;
}

function describe<K extends LiveKey>(key: K, from: RunConfig[K], to: RunConfig[K]): Text {
  const [before, after] = [valueText(key, from), valueText(key, to)];
  return (m) => m.values.change(m.settings.fields[key], before(m), after(m));
}

/** One marker per change that actually changes a value, e.g. "β2 0.999 → 0.9", in timeline order. */
export function markersOf(run: RunSpec): TimelineMarker[] {
  let current = { ...run.initial };
  const markers: TimelineMarker[] = [];
  for (const entry of sortTimeline(run.timeline)) {
    if (Object.is(current[entry.key], entry.value)) continue;
    markers.push({ step: entry.step, label: describe(entry.key, current[entry.key], entry.value) });
    current = withChange(current, entry);
  }
  return markers;
}

/**
 * `run` with `change` in force from `step` on. A change of the same setting at the same step
 * replaces the earlier one (one slider drag, one entry); otherwise it goes after every entry of
 * that step, so entries stay sorted and keep the order they were made in.
 */
export function recordChange(run: RunSpec, step: number, change: LiveChange): RunSpec {
  const kept = run.timeline.filter((e) => !(e.step === step && e.key === change.key));
  const entry: TimelineEntry = { ...change, step };
  const at = kept.findIndex((e) => e.step > step);
  const timeline = at < 0 ? [...kept, entry] : [...kept.slice(0, at), entry, ...kept.slice(at)];
  return { ...run, timeline };
}

/**
 * `run` starting with `change` and keeping it: later changes of the same setting are dropped, so a
 * Reset after lowering a diverged run's learning rate really trains with the lower rate throughout.
 */
export function withStartingSetting(run: RunSpec, change: LiveChange): RunSpec {
  return {
    ...run,
    initial: withChange(run.initial, change),
    timeline: run.timeline.filter((e) => e.key !== change.key),
  };
}

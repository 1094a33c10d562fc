// Reading and editing a run's timeline of live changes: the settings in force at a step (settingsAt),
// the chart markers (markersOf) and recording a new change (recordChange).
import { FIELDS } from '../config/schema';
import { formatValue } from '../config/sliders';
import { OPTIMIZER_LABELS, sortTimeline } from './runs';
import { withChange, type LiveChange, type RunSettings, type TimelineEntry } from '../shared/settings';
import type { RunSpec } from './types';

export interface TimelineMarker {
  step: number;
  label: string;
}

/** The settings step `step` trains with: the initial ones plus every change from a step ≤ `step`. */
export function settingsAt(run: RunSpec, step: number): RunSettings {
  let settings = { ...run.initial };
  // No early exit: a timeline that someone built unsorted still gives the right answer.
  for (const entry of run.timeline) if (entry.step <= step) settings = withChange(settings, entry);
  return settings;
}

function describe(from: RunSettings, change: LiveChange): string {
  if (change.key === 'optimizer') {
    return `${FIELDS.optimizer.label} ${OPTIMIZER_LABELS[from.optimizer]} → ${OPTIMIZER_LABELS[change.value]}`;
  }
  const { key, value } = change;
  return `${FIELDS[key].label} ${formatValue(key, from[key])} → ${formatValue(key, value)}`;
}

/** One marker per change that actually changes a value, e.g. "β2 0.999 → 0.9", in timeline order. */
export function markersOf(run: RunSpec): TimelineMarker[] {
  let current = { ...run.initial };
  const markers: TimelineMarker[] = [];
  for (const entry of sortTimeline(run.timeline)) {
    if (Object.is(current[entry.key], entry.value)) continue;
    markers.push({ step: entry.step, label: describe(current, entry) });
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

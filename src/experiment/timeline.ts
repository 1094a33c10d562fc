// Reading and editing a run's timeline of live changes: the settings in force at a step, the chart
// markers, the changes a replay must apply at a step, and recording a new change.
import { FIELDS, type RunConfig } from '../config/schema';
import { formatValue } from '../config/sliders';
import { OPTIMIZER_LABELS, sortTimeline } from './runs';
import type { LiveKey, RunSettings, RunSpec, TimelineEntry } from './types';

export interface TimelineMarker {
  step: number;
  label: string;
}

// Entries are validated when they enter a run, so a key and its value always belong together; the
// compiler cannot see that through the LiveKey union.
function apply(settings: RunSettings, entry: TimelineEntry): void {
  (settings as Record<LiveKey, RunConfig[LiveKey]>)[entry.key] = entry.value;
}

/** The settings step `step` trains with: the initial ones plus every change from a step ≤ `step`. */
export function settingsAt(run: RunSpec, step: number): RunSettings {
  const settings = { ...run.initial };
  // No early exit: a timeline that someone built unsorted still gives the right answer.
  for (const entry of run.timeline) if (entry.step <= step) apply(settings, entry);
  return settings;
}

function describe<K extends LiveKey>(key: K, from: RunConfig[K], to: RunConfig[K]): string {
  if (key === 'optimizer') {
    const label = (v: RunConfig[K]) => OPTIMIZER_LABELS[v as RunConfig['optimizer']] ?? String(v);
    return `${FIELDS.optimizer.label} ${label(from)} → ${label(to)}`;
  }
  return `${FIELDS[key].label} ${formatValue(key, from)} → ${formatValue(key, to)}`;
}

/** One marker per change that actually changes a value, e.g. "β2 0.999 → 0.9", in timeline order. */
export function markersOf(run: RunSpec): TimelineMarker[] {
  const current = { ...run.initial };
  const markers: TimelineMarker[] = [];
  for (const entry of sortTimeline(run.timeline)) {
    const from = current[entry.key];
    if (Object.is(from, entry.value)) continue;
    markers.push({ step: entry.step, label: describe(entry.key, from, entry.value) });
    apply(current, entry);
  }
  return markers;
}

/**
 * `run` with `key` set to `value` from `step` on. A change of the same setting at the same step
 * replaces the earlier one (one slider drag, one entry); otherwise it goes after every entry of
 * that step, so entries stay sorted and keep the order they were made in.
 */
export function recordChange<K extends LiveKey>(
  run: RunSpec,
  step: number,
  key: K,
  value: RunConfig[K],
): RunSpec {
  const kept = run.timeline.filter((e) => !(e.step === step && e.key === key));
  const entry = { step, key, value } as TimelineEntry;
  const at = kept.findIndex((e) => e.step > step);
  const timeline = at < 0 ? [...kept, entry] : [...kept.slice(0, at), entry, ...kept.slice(at)];
  return { ...run, timeline };
}

// What the panels show of each run, derived from the experiment, the session and the drafts: the
// charts' curves, the run list's optimizers and the selected run's settings. Pure, tested in Node.
import type { InternalsRun } from '../charts/internals';
import type { ChartRun } from '../charts/types';
import type { Drafts } from '../client/useExperiment';
import type { RunRecord } from '../experiment/exportData';
import type { LaneData } from '../client/session';
import { markersOf, settingsAt } from '../experiment/timeline';
import type { RunSpec } from '../experiment/types';
import type { Messages } from '../i18n/messages';
import type { ModelName } from '../shared/model';
import type { OptimizerName, RunSettings } from '../shared/settings';

type Lanes = Readonly<Record<string, LaneData>>;

/** A run's live changes as chart markers, labelled in the page's language. */
export function chartMarkersOf(run: RunSpec, m: Messages): ChartRun['markers'] {
  return markersOf(run).map(({ step, label }) => ({ step, label: label(m) }));
}

/** The runs the charts draw: shown runs that have a lane, in list order, then the overlays. */
export function chartRunsOf(
  runs: readonly RunSpec[],
  lanes: Lanes,
  overlays: readonly ChartRun[],
  m: Messages,
): ChartRun[] {
  const trained = runs.flatMap((r) => {
    const lane = lanes[r.id];
    if (r.hidden || !lane) return [];
    const { id, name, color } = r;
    return [
      {
        id,
        name,
        color,
        points: lane.points,
        validation: lane.validation,
        ...(lane.training ? { training: lane.training } : {}),
        markers: chartMarkersOf(r, m),
      },
    ];
  });
  return [...trained, ...overlays];
}

/** Curves from an exported file or an earlier visit, drawn read-only beside the experiment's. */
export interface Overlay {
  source: 'imported' | 'kept';
  record: RunRecord;
  /** The network it trained, named in its label when the experiment trains another. */
  model: ModelName;
}

/** The overlays as chart runs, labelled with where they came from (and their network if it differs). */
export function overlayRunsOf(
  overlays: readonly Overlay[],
  experimentModel: ModelName,
  m: Messages,
): ChartRun[] {
  return overlays.map(({ source, record, model }, i) => ({
    id: `overlay-${i}`,
    name:
      model === experimentModel
        ? m.runs.overlayName(record.spec.name, m.runs[source])
        : m.runs.overlayNameModel(record.spec.name, m.runs[source], model),
    color: record.spec.color,
    points: record.points,
    validation: record.validation,
    ...(record.training ? { training: record.training } : {}),
    markers: chartMarkersOf(record.spec, m),
  }));
}

/** The runs whose instruments the "Inside the optimizer" chart draws: shown runs that have a lane. */
export function internalsRunsOf(
  runs: readonly RunSpec[],
  lanes: Lanes,
  m: Messages,
): (InternalsRun & Pick<ChartRun, 'markers'>)[] {
  return runs.flatMap((r) => {
    const lane = lanes[r.id];
    if (r.hidden || !lane) return [];
    const { id, name, color } = r;
    return [{ id, name, color, internals: lane.internals, markers: chartMarkersOf(r, m) }];
  });
}

/**
 * A run's settings as they stand at the next step, with edits not yet acknowledged on top. A run
 * without a lane (it joins on Reset) shows its starting settings.
 */
/**
 * The steps at which each run's timeline had a change when the run was last reset: the only changes
 * still ahead of the current step that a replay will apply. One made just now is already applied.
 */
export function replaySteps(trained: readonly RunSpec[]): Map<string, ReadonlySet<number>> {
  return new Map(trained.map((r) => [r.id, new Set(r.timeline.map((e) => e.step))]));
}

export function settingsShown(
  run: RunSpec,
  hasLane: boolean,
  step: number,
  draft?: Partial<RunSettings>,
): RunSettings {
  return { ...settingsAt(run, hasLane ? step + 1 : 1), ...draft };
}

/** Each run's optimizer at the next step, a draft (switch not yet acknowledged) first. */
export function optimizersAt(
  runs: readonly RunSpec[],
  drafts: Drafts,
  step: number,
): Record<string, OptimizerName> {
  return Object.fromEntries(
    runs.map((r) => [r.id, drafts[r.id]?.optimizer ?? settingsAt(r, step + 1).optimizer]),
  );
}

/** Runs added since the last Reset: they join when it happens. */
export function pendingIdsOf(runs: readonly RunSpec[], laneIds: ReadonlySet<string>): ReadonlySet<string> {
  return new Set(runs.filter((r) => !laneIds.has(r.id)).map((r) => r.id));
}

// Vertical guide lines shared by the charts: epoch boundaries, the runs' live-change markers and where
// a run diverged, as data for GuideLines (guideLayer.tsx).
import type { Messages } from '../i18n/messages';
import { runGraphicColor, runTextColor } from './contrast';
import type { Guide } from './guideLayer';
import { epochBoundaries, type RunSeries } from './series';
import type { ChartRun } from './types';

/** Above this many boundaries their labels would collide, so the lines go unlabelled. */
const MAX_LABELLED_EPOCHS = 12;
/** Successive marker labels step down a staircase of this many rows, so neighbours never overlap. */
const STACK_LEVELS = 4;
/** Label text: 13 px on a laptop, 20 px in the projector view (readable from the back of a room). */
const labelSize = (large: boolean) => (large ? 20 : 13);

/** The attributes are the light theme's (and an exported PNG's); styles.css recolours .chart-epoch. */
export function epochGuides(stepsPerEpoch: number, lastStep: number, m: Messages, large = false): Guide[] {
  const steps = epochBoundaries(stepsPerEpoch, lastStep);
  const labelled = steps.length <= MAX_LABELLED_EPOCHS;
  return steps.map((step) => ({
    key: `epoch-${step}`,
    step,
    className: 'chart-epoch',
    stroke: '#9ca3af',
    width: 1,
    opacity: 0.7,
    dash: '2 4',
    ...(labelled
      ? {
          label: {
            text: m.charts.epoch(step / stepsPerEpoch + 1),
            at: 'above',
            side: 'right',
            level: 0,
            size: large ? 20 : 12,
            fill: '#6b7280',
          },
        }
      : {}),
  }));
}

/**
 * One line per live change, labelled in its run's colour. Labels of markers in the right half sit
 * left of their line, since the newest change is usually at the right edge, where text would be cut.
 * `labelsAt` picks the edge the curves leave free: the top for loss, the bottom for accuracy.
 */
export function markerGuides(
  runs: readonly Pick<ChartRun, 'id' | 'color' | 'markers'>[],
  lastStep: number,
  labelsAt: 'top' | 'bottom',
  large = false,
): Guide[] {
  const all = runs
    .flatMap((run) => run.markers.map((marker, i) => ({ run, marker, key: `${run.id}-marker-${i}` })))
    .filter(({ marker }) => marker.step <= lastStep)
    .sort((a, b) => a.marker.step - b.marker.step);
  // Label widths are unknown here (they depend on the chart's pixel width), so a left-half label
  // growing right can meet a right-half label growing left: a staircase avoids that whatever the width.
  return all.map(({ run, marker, key }, i) => ({
    key,
    step: marker.step,
    stroke: runGraphicColor(run.color),
    width: large ? 3 : 1.5,
    dash: '5 3',
    label: {
      text: marker.label,
      at: labelsAt,
      side: marker.step > lastStep / 2 ? 'left' : 'right',
      level: i % STACK_LEVELS,
      fill: runTextColor(run.color),
      size: labelSize(large),
      weight: 600,
    },
  }));
}

/** Where each diverged run left the chart: its curve runs off the top of an axis fitted to the others. */
export function divergedGuides(
  runs: readonly ChartRun[],
  series: readonly RunSeries[],
  m: Messages,
  large = false,
): Guide[] {
  return runs.flatMap((run, i): Guide[] => {
    const at = series[i]?.divergedAt;
    if (at == null) return [];
    return [
      {
        key: `${run.id}-diverged`,
        step: at,
        stroke: runGraphicColor(run.color),
        width: large ? 3 : 2,
        dash: '2 2',
        label: {
          text: m.charts.diverged(run.name),
          at: 'top',
          side: 'left',
          level: 0,
          fill: runTextColor(run.color),
          size: labelSize(large),
          weight: 600,
        },
      },
    ];
  });
}

// Vertical guide lines shared by the charts: epoch boundaries and the runs' live-change markers.
// Plain functions returning elements, so recharts sees ReferenceLines as direct chart children.
import { ReferenceLine } from 'recharts';
import type { Messages } from '../i18n/messages';
import { runGraphicColor, runTextColor } from './contrast';
import { epochBoundaries, type RunSeries } from './series';
import type { ChartRun } from './types';

/** Above this many boundaries their labels would collide, so the lines go unlabelled. */
const MAX_LABELLED_EPOCHS = 12;
/** Successive marker labels step down a staircase of this many rows, so neighbours never overlap. */
const STACK_LEVELS = 4;
/** Label text: 13 px on a laptop, 20 px in the projector view (readable from the back of a room). */
const labelSize = (large: boolean) => (large ? 20 : 13);

export function epochLines(stepsPerEpoch: number, lastStep: number, m: Messages, large = false) {
  const steps = epochBoundaries(stepsPerEpoch, lastStep);
  const labelled = steps.length <= MAX_LABELLED_EPOCHS;
  return steps.map((step) => (
    <ReferenceLine
      key={`epoch-${step}`}
      x={step}
      // The attributes are the light theme's (and an exported PNG's); styles.css recolours .chart-epoch.
      className="chart-epoch"
      stroke="#9ca3af"
      strokeOpacity={0.7}
      strokeDasharray="2 4"
      label={
        labelled
          ? {
              value: m.charts.epoch(step / stepsPerEpoch + 1),
              position: 'top',
              fontSize: large ? 20 : 12,
              fill: '#6b7280',
            }
          : false
      }
    />
  ));
}

/**
 * One line per live change, labelled in its run's colour. Labels of markers in the right half sit
 * left of their line, since the newest change is usually at the right edge, where text would be cut.
 * `labelsAt` picks the edge the curves leave free: the top for loss, the bottom for accuracy.
 */
export function markerLines(
  runs: readonly Pick<ChartRun, 'id' | 'color' | 'markers'>[],
  lastStep: number,
  labelsAt: 'top' | 'bottom',
  large = false,
) {
  const all = runs
    .flatMap((run) => run.markers.map((marker, i) => ({ run, marker, key: `${run.id}-marker-${i}` })))
    .filter(({ marker }) => marker.step <= lastStep)
    .sort((a, b) => a.marker.step - b.marker.step);
  // Label widths are unknown here (they depend on the chart's pixel width), so a left-half label
  // growing right can meet a right-half label growing left: a staircase avoids that whatever the width.
  return all.map(({ run, marker, key }, i) => {
    const level = i % STACK_LEVELS;
    const rightHalf = marker.step > lastStep / 2;
    return (
      <ReferenceLine
        key={key}
        x={marker.step}
        stroke={runGraphicColor(run.color)}
        strokeWidth={large ? 3 : 1.5}
        strokeDasharray="5 3"
        label={{
          value: marker.label,
          position: `inside${labelsAt === 'top' ? 'Top' : 'Bottom'}${rightHalf ? 'Right' : 'Left'}`,
          dy: (labelsAt === 'top' ? 1 : -1) * level * (labelSize(large) + 6),
          fill: runTextColor(run.color),
          fontSize: labelSize(large),
          fontWeight: 600,
          // A box in the panel's colour keeps the label readable where it crosses the curves.
          background: { fill: 'var(--panel, #ffffff)', fillOpacity: 0.85 },
        }}
      />
    );
  });
}

/** Where each diverged run left the chart: its curve runs off the top of an axis fitted to the others. */
export function divergedLines(
  runs: readonly ChartRun[],
  series: readonly RunSeries[],
  m: Messages,
  large = false,
) {
  return runs.flatMap((run, i) => {
    const at = series[i]?.divergedAt;
    if (at == null) return [];
    return [
      <ReferenceLine
        key={`${run.id}-diverged`}
        x={at}
        stroke={runGraphicColor(run.color)}
        strokeWidth={large ? 3 : 2}
        strokeDasharray="2 2"
        label={{
          value: m.charts.diverged(run.name),
          position: 'insideTopRight',
          fill: runTextColor(run.color),
          fontSize: labelSize(large),
          fontWeight: 600,
          background: { fill: 'var(--panel, #ffffff)', fillOpacity: 0.85 },
        }}
      />,
    ];
  });
}

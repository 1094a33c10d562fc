// The chart both LossChart and AccuracyChart draw: per run a faded raw line, a smoothed line and
// validation dots in the run's colour over a step axis, with epoch and live-change guide lines.
import type { Ref } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { YAxisProps } from 'recharts';
import { useI18n } from '../i18n/I18n';
import type { Formatters } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { ChartLegend } from './ChartLegend';
import { WHOLE_DASH } from './wholeSet';
import { runGraphicColor } from './contrast';
import { GuideLines } from './guideLayer';
import { divergedGuides, epochGuides, markerGuides } from './referenceLines';
import { extent, logAxisDomain, logTicks, roundTicks, stepAxisEnd, valueAxisTop } from './axisDomain';
import { HoverReadout, PlotLines, stepAxisProps, useStepAxisRows, type PlotLine } from './plotLayer';
import type { RunSeries } from './series';
import type { ChartRun } from './types';
import { useRunSeries } from './useRunSeries';

export interface MetricChartProps {
  runs: readonly ChartRun[];
  metric: 'loss' | 'accuracy';
  smoothing: number;
  logScale: boolean;
  stepsPerEpoch: number;
  height: number;
  /** Pixels; omitted, the chart follows its container's width. */
  width?: number;
  version?: number;
  emptyHint?: string;
  ariaLabel: string;
  /** Projector view: text and lines big enough to read from the back of a room. */
  large?: boolean;
  /** The figure element (the chart's SVG lies inside it). */
  ref?: Ref<HTMLDivElement>;
}

// Theme colours as CSS variables; the fallbacks are what an exported PNG (no page styles) shows.
const tickStyle = (large: boolean) => ({ fontSize: large ? 20 : 13, fill: 'var(--ink, #374151)' });

/**
 * The value axis. Its range is ours (axisDomain.ts), fixed for recharts with allowDataOverflow, and
 * moves in round steps. When some run diverged, it fits the runs still learning, so one exploded
 * loss (1e10) does not flatten every other curve on the floor.
 */
function yAxisProps(
  metric: MetricChartProps['metric'],
  logScale: boolean,
  series: readonly RunSeries[],
  f: Formatters,
): YAxisProps {
  if (metric === 'accuracy') {
    const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
    return { domain: [0, 1], allowDataOverflow: true, ticks, tickFormatter: (v: number) => f.pct(v, 0) };
  }
  const tickFormatter = (v: number) => (v >= 100 ? f.compact(v) : String(Number(v.toPrecision(2))));
  const learning = series.filter((s) => s.divergedAt === null);
  const range = drawnExtent(learning.length > 0 ? learning : series);
  // With nothing to fit, these frame a fresh MNIST loss (about 2.3).
  if (logScale) {
    const domain = range ? logAxisDomain(range[0], range[1]) : ([0.01, 10] as const);
    return {
      scale: 'log',
      domain: [...domain],
      ticks: logTicks(domain),
      allowDataOverflow: true,
      tickFormatter,
    };
  }
  const top = range ? valueAxisTop(range[1]) : 4;
  return { domain: [0, top], ticks: roundTicks(top, 6), allowDataOverflow: true, tickFormatter };
}

/** The lowest and highest value any of `series` draws. */
function drawnExtent(series: readonly RunSeries[]): [number, number] | null {
  return extent(
    series.flatMap((s) => [
      ...s.train.flatMap((r) => [r.raw, r.smooth]),
      ...s.val.map((r) => r.val),
      ...s.whole.map((r) => r.whole),
    ]),
  );
}

/**
 * A run's lines: a faded raw training line (one run, smoothing on), the smoothed training line and
 * dashed validation with dots; with a small training set evaluated whole, a dotted line with open
 * rings at the same steps, so the generalisation gap is the space between two lines. The legend is
 * ChartLegend; the names feed the hover readout.
 */
function runLines(
  run: ChartRun,
  series: RunSeries,
  several: boolean,
  smoothing: number,
  m: Messages,
  large: boolean,
): PlotLine[] {
  const prefix = several ? `${run.name}: ` : '';
  const stroke = runGraphicColor(run.color);
  const lines: PlotLine[] = [];
  // With no smoothing the smoothed line is the raw one; drawing both would only add ink. In a race the
  // faded raw lines of several runs only blur each other, and each costs a redraw.
  // Nor in the projector view, where every line must be thick enough to see from the back of a room.
  if (smoothing > 0 && !several && !large)
    lines.push({
      key: `${run.id}-raw`,
      name: `${prefix}${m.charts.trainingRaw}`,
      rows: series.train,
      field: 'raw',
      stroke,
      width: 1,
      opacity: 0.25,
    });
  lines.push(
    {
      key: `${run.id}-smooth`,
      name: several ? run.name : smoothing > 0 ? m.charts.trainingSmoothed : m.charts.training,
      rows: series.train,
      field: 'smooth',
      stroke,
      width: large ? 4 : 2.5,
    },
    {
      key: `${run.id}-val`,
      name: `${prefix}${m.charts.validation}`,
      rows: series.val,
      field: 'val',
      stroke,
      width: large ? 3 : 1.5,
      dash: '6 4',
      dot: { r: large ? 5 : 3.5, fill: stroke },
    },
  );
  if (series.whole.length > 0)
    lines.push({
      key: `${run.id}-whole`,
      name: `${prefix}${m.charts.trainingWhole}`,
      rows: series.whole,
      field: 'whole',
      stroke,
      width: large ? 3.5 : 2,
      dash: WHOLE_DASH,
      dot: { r: large ? 6 : 4, fill: 'var(--panel)', stroke, strokeWidth: large ? 2.5 : 1.6 },
    });
  return lines;
}

export function MetricChart(props: MetricChartProps) {
  const {
    runs,
    metric,
    smoothing,
    logScale,
    stepsPerEpoch,
    height,
    width,
    version,
    emptyHint,
    ariaLabel,
    large = false,
    ref,
  } = props;
  const { m, f } = useI18n();
  const series = useRunSeries(runs, metric, smoothing, logScale, version);
  const lastStep = series.reduce(
    (m, s) => Math.max(m, s.train.at(-1)?.step ?? 0, s.val.at(-1)?.step ?? 0, s.whole.at(-1)?.step ?? 0),
    0,
  );
  const empty = lastStep === 0;
  const several = runs.length > 1;
  const stepEnd = stepAxisEnd(lastStep);
  const axisRows = useStepAxisRows(stepEnd);
  const yAxis = yAxisProps(metric, logScale, empty ? [] : series, f);
  const lines = empty
    ? []
    : runs.flatMap((run, i) => (series[i] ? runLines(run, series[i], several, smoothing, m, large) : []));
  const valueFormat = (v: number) => (metric === 'accuracy' ? f.pct(v, 1) : v.toPrecision(3));

  const chart = (
    <LineChart
      // The figure is labelled; recharts' keyboard layer would make each SVG a nameless tab stop.
      accessibilityLayer={false}
      {...(width === undefined ? {} : { width, height })}
      data={axisRows}
      margin={{ top: 24, right: 24, bottom: 4, left: 4 }}
    >
      <CartesianGrid stroke="var(--grid, #e5e7eb)" strokeDasharray="3 3" />
      <XAxis {...stepAxisProps(stepEnd, f)} tick={tickStyle(large)} height={large ? 36 : 30} />
      {/* interval 0: the ticks are ours, round and few, so recharts need not measure their labels. */}
      <YAxis width={large ? 76 : 56} tick={tickStyle(large)} interval={0} {...yAxis} />
      <GuideLines guides={epochGuides(stepsPerEpoch, lastStep, m, large)} />
      <PlotLines lines={lines} />
      <GuideLines
        guides={[
          ...markerGuides(runs, lastStep, metric === 'accuracy' ? 'bottom' : 'top', large),
          ...(metric === 'loss' ? divergedGuides(runs, series, m, large) : []),
        ]}
      />
      {!empty && (
        <HoverReadout
          lines={lines}
          stepEnd={stepEnd}
          format={valueFormat}
          title={(step) => m.charts.step(f.int(step))}
          large={large}
        />
      )}
    </LineChart>
  );

  return (
    <div
      ref={ref}
      role="figure"
      aria-label={ariaLabel}
      style={{ position: 'relative', width: width ?? '100%' }}
    >
      <h2 className="chart-title">{metric === 'loss' ? m.charts.lossTitle : m.charts.accuracyTitle}</h2>
      {width === undefined ? (
        // The plot's height comes from CSS (.chart-plot), so it grows with the window.
        <div className="chart-plot">
          <ResponsiveContainer width="100%" height="100%">
            {chart}
          </ResponsiveContainer>
        </div>
      ) : (
        chart
      )}
      <ChartLegend runs={empty ? [] : runs} smoothing={smoothing} large={large} />
      {several && !empty && (
        <p className="chart-key">
          {m.charts.key(smoothing > 0 ? m.charts.trainingSmoothed : m.charts.training)}
          {series.some((s) => s.whole.length > 0) && ` · ${m.charts.keyWhole}`}
        </p>
      )}
      {empty && emptyHint && (
        <div
          className="chart-empty-hint"
          style={{
            position: 'absolute',
            inset: 0,
            top: 32,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            pointerEvents: 'none',
            fontSize: 16,
          }}
        >
          {emptyHint}
        </div>
      )}
    </div>
  );
}

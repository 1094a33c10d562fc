// The chart both LossChart and AccuracyChart draw: per run a faded raw line, a smoothed line and
// validation dots in the run's colour over a step axis, with epoch and live-change guide lines.
import type { Ref } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { YAxisProps } from 'recharts';
import { useI18n } from '../i18n/I18n';
import type { Formatters } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { ChartLegend } from './ChartLegend';
import { WHOLE_DASH } from './wholeSet';
import { runGraphicColor } from './contrast';
import { divergedLines, markerLines, epochLines } from './referenceLines';
import { fittedMax, niceCeiling, type RunSeries } from './series';
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

/** Before any data arrives: axes without data would draw no ticks, so they get two bare steps. */
const EMPTY_ROWS = [{ step: 0 }, { step: 100 }];
// Theme colours as CSS variables; the fallbacks are what an exported PNG (no page styles) shows.
const tickStyle = (large: boolean) => ({ fontSize: large ? 20 : 13, fill: 'var(--ink, #374151)' });

/**
 * allowDataOverflow makes recharts take a fixed domain as given; without it an axis with no data
 * yet gets no domain and draws no ticks. `fitTo`: when some run diverged, the highest value of the
 * runs still learning, so one exploded loss (1e10) does not flatten every other curve on the floor.
 */
function yAxisProps(
  metric: MetricChartProps['metric'],
  logScale: boolean,
  empty: boolean,
  fitTo: number | null,
  f: Formatters,
): YAxisProps {
  if (metric === 'accuracy') {
    const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
    return { domain: [0, 1], allowDataOverflow: true, ticks, tickFormatter: (v: number) => f.pct(v, 0) };
  }
  const tickFormatter = (v: number) => (v >= 100 ? f.compact(v) : String(Number(v.toPrecision(2))));
  // With nothing to fit, 'auto' has no range; these frame a fresh MNIST loss (about 2.3).
  if (empty)
    return {
      domain: logScale ? [0.01, 10] : [0, 4],
      scale: logScale ? 'log' : 'auto',
      allowDataOverflow: true,
      tickFormatter,
    };
  if (logScale)
    return {
      scale: 'log',
      domain: ['auto', fitTo === null ? 'auto' : fitTo * 1.5],
      allowDataOverflow: true,
      tickFormatter,
    };
  if (fitTo !== null)
    return { domain: [0, niceCeiling(fitTo * 1.05)], allowDataOverflow: true, tickFormatter };
  return { domain: [0, 'auto'], tickFormatter };
}

/**
 * A run's lines: a faded raw training line (one run, smoothing on), the smoothed training line and
 * dashed validation with dots. Validation has its own data array: on the shared rows recharts would
 * build a dot for every training row, which made each redraw several times slower. Line names feed
 * the tooltip; the legend is ChartLegend.
 */
function runLines(
  run: ChartRun,
  series: RunSeries | undefined,
  several: boolean,
  smoothing: number,
  m: Messages,
  large: boolean,
) {
  const prefix = several ? `${run.name}: ` : '';
  const stroke = runGraphicColor(run.color);
  const common = { stroke, dot: false, isAnimationActive: false, connectNulls: true } as const;
  const lines = [
    <Line
      key={`${run.id}-smooth`}
      {...common}
      data={series?.train}
      dataKey="smooth"
      name={several ? run.name : smoothing > 0 ? m.charts.trainingSmoothed : m.charts.training}
      strokeWidth={large ? 4 : 2.5}
    />,
    <Line
      key={`${run.id}-val`}
      {...common}
      data={series?.val}
      dataKey="val"
      name={`${prefix}${m.charts.validation}`}
      strokeWidth={large ? 3 : 1.5}
      strokeDasharray="6 4"
      dot={{ r: large ? 5 : 3.5, fill: stroke, strokeWidth: 0 }}
    />,
  ];
  // A small training set evaluated whole: dotted, with open rings, at the same steps as validation,
  // so the generalisation gap is the space between two lines.
  if (series && series.whole.length > 0)
    lines.push(
      <Line
        key={`${run.id}-whole`}
        {...common}
        data={series.whole}
        dataKey="whole"
        name={`${prefix}${m.charts.trainingWhole}`}
        strokeWidth={large ? 3.5 : 2}
        strokeDasharray={WHOLE_DASH}
        dot={{ r: large ? 6 : 4, fill: 'var(--panel)', stroke, strokeWidth: large ? 2.5 : 1.6 }}
      />,
    );
  // With no smoothing the smoothed line is the raw one; drawing both would only add ink. In a race the
  // faded raw lines of several runs only blur each other, and each costs a redraw.
  // Nor in the projector view, where every line must be thick enough to see from the back of a room.
  if (smoothing > 0 && !several && !large) {
    lines.unshift(
      <Line
        key={`${run.id}-raw`}
        {...common}
        data={series?.train}
        dataKey="raw"
        name={`${prefix}${m.charts.trainingRaw}`}
        strokeWidth={1}
        strokeOpacity={0.25}
        activeDot={false}
      />,
    );
  }
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
  const anyDiverged = series.some((s) => s.divergedAt !== null);
  const fitTo = metric === 'loss' && anyDiverged ? fittedMax(series) : null;
  const several = runs.length > 1;
  const valueFormat = (v: unknown) =>
    typeof v !== 'number' ? String(v) : metric === 'accuracy' ? f.pct(v, 1) : v.toPrecision(3);

  const chart = (
    <LineChart
      // The figure is labelled; recharts' keyboard layer would make each SVG a nameless tab stop.
      accessibilityLayer={false}
      {...(width === undefined ? {} : { width, height })}
      data={empty ? EMPTY_ROWS : undefined}
      margin={{ top: 24, right: 24, bottom: 4, left: 4 }}
    >
      <CartesianGrid stroke="var(--grid, #e5e7eb)" strokeDasharray="3 3" />
      <XAxis
        dataKey="step"
        type="number"
        domain={[0, 'dataMax']}
        allowDecimals={false}
        tick={tickStyle(large)}
        height={large ? 36 : 30}
        tickFormatter={(v: number) => f.compact(v)}
      />
      <YAxis
        width={large ? 76 : 56}
        tick={tickStyle(large)}
        {...yAxisProps(metric, logScale, empty, fitTo, f)}
      />
      {epochLines(stepsPerEpoch, lastStep, m, large)}
      {!empty && runs.flatMap((run, i) => runLines(run, series[i], several, smoothing, m, large))}
      {markerLines(runs, lastStep, metric === 'accuracy' ? 'bottom' : 'top', large)}
      {metric === 'loss' && divergedLines(runs, series, m, large)}
      {!empty && (
        <Tooltip
          isAnimationActive={false}
          formatter={valueFormat}
          // Item text in the theme's ink: a run colour as text would need its own contrast check.
          itemStyle={{ color: 'var(--ink)' }}
          contentStyle={{ background: 'var(--panel)', borderColor: 'var(--control-line)' }}
          labelFormatter={(step) => m.charts.step(typeof step === 'number' ? f.int(step) : String(step))}
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

// Loss against step for each path, drawn as f − f* so the saddle's negative minimum (f* = −1) fits a
// log axis too. Each line is thinned to a few hundred points; spikes survive (downsampleIndices).
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { runGraphicColor } from '../charts/contrast';
import { downsampleIndices, plottable } from '../charts/series';
import { useI18n } from '../i18n/I18n';
import type { DrawnPath } from './drawn';
import type { Surface } from './surfaces';

/** Points per line: plenty for a plot a few hundred pixels wide. */
const MAX_POINTS = 300;
/** On a log axis, gaps below this share of the largest start gap are float64 noise; they sit on the floor. */
const LOG_FLOOR = 1e-16;

interface Props {
  drawn: readonly DrawnPath[];
  surface: Surface;
  steps: number;
  /** Steps drawn (the playhead while playing). */
  shown: number;
  logScale: boolean;
}

function rows(d: DrawnPath, minValue: number, shown: number, logScale: boolean, floor: number) {
  const { losses } = d.path;
  const count = Math.min(d.path.count, shown + 1);
  const gap = (i: number) => losses[i]! - minValue;
  return downsampleIndices(count, MAX_POINTS, gap).map((i) => ({
    step: i,
    gap: plottable(logScale ? Math.max(gap(i), floor) : gap(i), logScale),
  }));
}

export const LabLossChart = memo(function LabLossChart({ drawn, surface, steps, shown, logScale }: Props) {
  const { m, f } = useI18n();
  const startGap = Math.max(0, ...drawn.map((d) => d.path.losses[0]! - surface.minValue));
  const floor = startGap * LOG_FLOOR || Number.MIN_VALUE;
  const tick = { fontSize: 13, fill: 'var(--ink)' };
  // Small gaps as powers of ten (1e-8): as decimals they would run off the axis.
  const tickText = (v: number) =>
    v >= 1000 ? f.compact(v) : v > 0 && v < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(2)));
  return (
    <figure className="lab-loss" aria-label={m.lab.lossChart}>
      <figcaption className="chart-title">{m.lab.lossTitle}</figcaption>
      <div className="lab-loss-plot">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} margin={{ top: 12, right: 24, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              dataKey="step"
              type="number"
              domain={[0, steps]}
              allowDecimals={false}
              tick={tick}
              tickFormatter={(v: number) => f.compact(v)}
            />
            <YAxis
              width={64}
              tick={tick}
              scale={logScale ? 'log' : 'auto'}
              domain={logScale ? ['auto', 'auto'] : [0, 'auto']}
              allowDataOverflow={logScale}
              tickFormatter={tickText}
            />
            {drawn.map((d) => (
              <Line
                key={d.run.id}
                data={rows(d, surface.minValue, shown, logScale, floor)}
                dataKey="gap"
                name={d.run.name}
                stroke={runGraphicColor(d.run.color)}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

// The range test's curve: the smoothed loss (and, faint, each batch's) against η on a log axis, with
// the two suggestions marked. The y axis fits the smoothed loss, so a runaway batch loss is cut off.
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/I18n';
import type { RangePoint } from '../protocol';
import { RANGE_END_LR, RANGE_START_LR, type RangeSuggestion } from './rangeTest';

/** A tick per decade of the sweep: 1e-6 … 10. */
const DECADES = Array.from({ length: 8 }, (_, i) => Number((RANGE_START_LR * 10 ** i).toPrecision(1)));
const TICK = { fontSize: 13, fill: 'var(--ink, #374151)' };

interface Props {
  points: readonly RangePoint[];
  suggestion: RangeSuggestion | null;
}

/** Powers of ten below 0.001 as 1e-6, the rest as decimals. */
const decade = (v: number) => (v < 1e-3 ? v.toExponential(0).replace('+', '') : String(v));

export const RangeChart = memo(function RangeChart({ points, suggestion }: Props) {
  const { m } = useI18n();
  const top = Math.max(0.1, ...points.map((p) => p.smoothed)) * 1.15;
  // The fastest fall usually lies left of a tenth of the minimum: its label goes left of its line, the
  // other's right of its own, so the two never overlap on a narrow screen.
  const marker = (x: number, text: string, color: string, side: 'insideTopLeft' | 'insideTopRight') => (
    <ReferenceLine
      x={x}
      stroke={color}
      strokeWidth={2}
      strokeDasharray="6 4"
      ifOverflow="hidden"
      label={{ value: text, position: side, fill: color, fontSize: 13 }}
    />
  );
  return (
    <figure className="tune-chart" aria-label={m.tune.rangeChart}>
      <div className="tune-plot">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={points as RangePoint[]}
            accessibilityLayer={false}
            margin={{ top: 16, right: 20, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              dataKey="learningRate"
              type="number"
              scale="log"
              domain={[RANGE_START_LR, RANGE_END_LR]}
              ticks={DECADES}
              allowDataOverflow
              tick={TICK}
              tickFormatter={decade}
            />
            <YAxis
              width={48}
              domain={[0, Number(top.toPrecision(2))]}
              allowDataOverflow
              tick={TICK}
              tickFormatter={(v: number) => String(Number(v.toPrecision(2)))}
            />
            <Line
              dataKey="loss"
              name={m.tune.batchLoss}
              stroke="var(--guide)"
              strokeOpacity={0.5}
              strokeWidth={1}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="smoothed"
              name={m.tune.smoothedLoss}
              stroke="var(--accent)"
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
            />
            {suggestion?.steepest != null &&
              marker(suggestion.steepest, m.tune.markerSteepest, 'var(--good)', 'insideTopRight')}
            {suggestion &&
              marker(suggestion.tenthOfMinimum, m.tune.markerTenth, 'var(--hint)', 'insideTopLeft')}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="tune-axis">{m.tune.rangeAxis}</figcaption>
      <p className="tune-key">
        <span className="tune-key-smoothed" aria-hidden="true" /> {m.tune.smoothedLoss}
        <span className="tune-key-raw" aria-hidden="true" /> {m.tune.batchLoss}
      </p>
    </figure>
  );
});

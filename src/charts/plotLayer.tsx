// The data lines of a recharts chart, drawn by us inside it with its own scales (useXAxisScale,
// useYAxisScale). recharts keeps every <Line>'s rows in its internal store and, whenever they change,
// recomputes its selectors and re-renders its parts in one animation-frame task: with four training
// runs that was the page's longest task (50–150 ms on a software renderer). Here recharts keeps only
// the axes and grid (the guide lines are guideLayer.tsx's), whose ranges move in round steps
// (axisDomain.ts); a redraw of new points rebuilds a few path strings. The readout on hover replaces
// recharts' tooltip, which reads the rows of <Line>s.
import { useId, useMemo, useState, type PointerEvent } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, type XAxisProps } from 'recharts';
import type { Formatters } from '../i18n/format';
import { roundTicks, stepTickText } from './axisDomain';

/** A row with a step and named values (ChartRow, the instruments' rows). */
export interface StepRow {
  step: number;
}

export interface PlotLine {
  key: string;
  /** The readout's name for the line; also the path's `name` attribute. */
  name: string;
  /** Ascending by step. */
  rows: readonly StepRow[];
  /** Which value of a row the line draws; a row without a finite one is skipped (the line joins over it). */
  field: string;
  stroke: string;
  width: number;
  dash?: string;
  opacity?: number;
  /** A dot at every drawn row (validation points). */
  dot?: { r: number; fill: string; stroke?: string; strokeWidth?: number };
}

/** The value `field` of `row` when it is a finite number. */
export function valueOf(row: StepRow, field: string): number | null {
  const v: unknown = Reflect.get(row, field);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Two rows that span a step axis ending at `stepEnd`: recharts draws no ticks on an axis without data. */
export function useStepAxisRows(stepEnd: number): StepRow[] {
  return useMemo(() => [{ step: 0 }, { step: stepEnd }], [stepEnd]);
}

/**
 * The step axis every training chart shares, ending at `stepEnd`: our round ticks, which recharts takes
 * as given (interval 0), so it never measures their labels.
 */
export function stepAxisProps(stepEnd: number, f: Pick<Formatters, 'int' | 'compact'>): XAxisProps {
  return {
    dataKey: 'step',
    type: 'number',
    domain: [0, stepEnd],
    ticks: roundTicks(stepEnd, 5),
    interval: 0,
    allowDataOverflow: true,
    allowDecimals: false,
    tickFormatter: stepTickText(f),
  };
}

type Scale = (v: number) => number | undefined;
const px = (v: number) => Math.round(v * 10) / 10;

/** The pixel positions of a line's drawable rows. */
export function linePoints(line: Pick<PlotLine, 'rows' | 'field'>, x: Scale, y: Scale): [number, number][] {
  const out: [number, number][] = [];
  for (const row of line.rows) {
    const v = valueOf(row, line.field);
    if (v === null) continue;
    const a = x(row.step);
    const b = y(v);
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    out.push([px(a), px(b)]);
  }
  return out;
}

/** An SVG path through `points`, or '' when there is nothing to draw. */
export const pathOf = (points: readonly [number, number][]) =>
  points.map(([a, b], i) => `${i === 0 ? 'M' : 'L'}${a},${b}`).join('');

/** Index of the row whose step is nearest `step` among rows with a value (−1: none). Binary search. */
export function nearestRow(rows: readonly StepRow[], field: string, step: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.step < step) lo = mid + 1;
    else hi = mid;
  }
  // Walk out from the insertion point to the nearest rows that carry a value on either side.
  let before = lo - 1;
  while (before >= 0 && valueOf(rows[before]!, field) === null) before--;
  let after = lo;
  while (after < rows.length && valueOf(rows[after]!, field) === null) after++;
  if (before < 0) return after < rows.length ? after : -1;
  if (after >= rows.length) return before;
  return step - rows[before]!.step <= rows[after]!.step - step ? before : after;
}

/** The chart's data lines, clipped to the plot area. A child of a recharts chart. */
export function PlotLines({ lines }: { lines: readonly PlotLine[] }) {
  const x = useXAxisScale() as Scale | undefined;
  const y = useYAxisScale() as Scale | undefined;
  const area = usePlotArea();
  const clip = `plot-clip-${useId().replace(/:/g, '')}`;
  if (!x || !y || !area) return null;
  return (
    <g className="plot-lines">
      <defs>
        <clipPath id={clip}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {lines.map((line) => {
          const points = linePoints(line, x, y);
          if (points.length === 0) return null;
          return (
            <g key={line.key} className="plot-line">
              <path
                className="plot-curve"
                name={line.name}
                d={pathOf(points)}
                fill="none"
                stroke={line.stroke}
                strokeWidth={line.width}
                strokeDasharray={line.dash}
                strokeOpacity={line.opacity}
                strokeLinejoin="round"
              />
              {line.dot && (
                <g className="plot-dots">
                  {points.map(([a, b]) => (
                    <circle
                      key={`${a},${b}`}
                      className="plot-dot"
                      cx={a}
                      cy={b}
                      r={line.dot!.r}
                      fill={line.dot!.fill}
                      stroke={line.dot!.stroke}
                      strokeWidth={line.dot!.strokeWidth ?? 0}
                    />
                  ))}
                </g>
              )}
            </g>
          );
        })}
      </g>
    </g>
  );
}

export interface ReadoutProps {
  lines: readonly PlotLine[];
  /** Right end of the step axis (the axis starts at 0). */
  stepEnd: number;
  format(v: number): string;
  title(step: number): string;
  large?: boolean;
}

/**
 * What recharts' tooltip showed: under the pointer, the step and each line's value nearest it. Its
 * state is its own, so moving the pointer re-renders the readout only, never the chart.
 */
export function HoverReadout({ lines, stepEnd, format, title, large = false }: ReadoutProps) {
  const area = usePlotArea();
  const x = useXAxisScale() as Scale | undefined;
  const y = useYAxisScale() as Scale | undefined;
  const [at, setAt] = useState<number | null>(null);
  if (!area || !x || !y) return null;
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const f = box.width > 0 ? (e.clientX - box.left) / box.width : 0;
    setAt(Math.min(1, Math.max(0, f)) * stepEnd);
  };
  const items = at === null ? [] : readoutItems(lines, at, READOUT_TOLERANCE * stepEnd);
  const shown = items[0];
  const cx = shown ? x(shown.step) : undefined;
  const fontSize = large ? 20 : 13;
  // Beside the cursor, on the side with more room, and never past the chart's edges (a phone).
  const boxWidth = Math.min(large ? 300 : 210, area.x + area.width);
  const boxHeight = (items.length + 1) * (fontSize + 6) + 10;
  const left = cx !== undefined && cx > area.x + area.width / 2;
  return (
    <g className="plot-readout">
      {shown && cx !== undefined && (
        <>
          <line
            x1={cx}
            x2={cx}
            y1={area.y}
            y2={area.y + area.height}
            stroke="var(--muted, #6b7280)"
            strokeDasharray="3 3"
          />
          {items.map((it) => {
            const cy = y(it.value);
            return cy === undefined ? null : (
              <circle key={it.key} cx={x(it.step)} cy={cy} r={large ? 6 : 4} fill={it.stroke} />
            );
          })}
          <foreignObject
            x={Math.max(0, Math.min(left ? cx - boxWidth - 10 : cx + 10, area.x + area.width - boxWidth))}
            y={area.y + 4}
            width={boxWidth}
            height={boxHeight}
            style={{ pointerEvents: 'none', overflow: 'visible' }}
          >
            <div className="chart-readout" style={{ fontSize }}>
              <div className="chart-readout-title">{title(shown.step)}</div>
              {items.map((it) => (
                <div key={it.key}>
                  <span aria-hidden="true" style={{ color: it.stroke }}>
                    ●{' '}
                  </span>
                  {it.name}: {format(it.value)}
                </div>
              ))}
            </div>
          </foreignObject>
        </>
      )}
      <rect
        className="plot-hover"
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onPointerMove={onMove}
        onPointerDown={onMove}
        onPointerLeave={() => setAt(null)}
      />
    </g>
  );
}

/** How far, as a share of the step axis, a line's row may lie from the readout's step. */
const READOUT_TOLERANCE = 0.01;

interface ReadoutItem {
  key: string;
  name: string;
  stroke: string;
  step: number;
  value: number;
}

/**
 * Each line's row nearest `step`, in the lines' order, at the step nearest `step` among them. A line
 * whose nearest row lies more than `tolerance` steps from that one (a validation line between its
 * points) is left out, so the readout never pairs a step with a value from far away.
 */
export function readoutItems(lines: readonly PlotLine[], step: number, tolerance: number): ReadoutItem[] {
  const found = lines.flatMap((line) => {
    const i = nearestRow(line.rows, line.field, step);
    if (i < 0) return [];
    const row = line.rows[i]!;
    const value = valueOf(row, line.field)!;
    return [{ key: line.key, name: line.name, stroke: line.stroke, step: row.step, value }];
  });
  if (found.length === 0) return [];
  const nearest = found.reduce((a, b) => (Math.abs(b.step - step) < Math.abs(a.step - step) ? b : a));
  return found.filter((it) => Math.abs(it.step - nearest.step) <= tolerance);
}

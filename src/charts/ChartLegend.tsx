// The chart's legend as plain HTML under the plot. recharts' own legend measures its box with a forced
// layout on every redraw (its payload changes whenever the lines do), which the profile showed as the
// largest single cost of a redraw while four runs train.
import { runGraphicColor } from './contrast';
import type { ChartRun } from './types';

interface Props {
  runs: readonly ChartRun[];
  smoothing: number;
}

function Swatch({ color: raw, dashed }: { color: string; dashed?: boolean }) {
  const color = runGraphicColor(raw);
  return (
    <svg className="chart-legend-swatch" width="24" height="10" aria-hidden="true">
      <line
        x1="0"
        y1="5"
        x2="24"
        y2="5"
        stroke={color}
        strokeWidth={dashed ? 1.5 : 2.5}
        strokeDasharray={dashed ? '6 4' : undefined}
      />
      {dashed && <circle cx="12" cy="5" r="3" fill={color} />}
    </svg>
  );
}

/**
 * With one run the legend names the line kinds; with several it names the runs. Before anything is
 * drawn it is an empty list that keeps its height, so the chart does not jump when data arrives.
 */
export function ChartLegend({ runs, smoothing }: Props) {
  const first = runs[0];
  const items = !first
    ? []
    : runs.length > 1
      ? runs.map((r) => ({ key: r.id, label: r.name, color: r.color, dashed: false }))
      : [
          {
            key: 'train',
            label: `training${smoothing > 0 ? ' (smoothed)' : ''}`,
            color: first.color,
            dashed: false,
          },
          { key: 'val', label: 'validation', color: first.color, dashed: true },
        ];
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} className="chart-legend-item">
          <Swatch color={item.color} dashed={item.dashed} />
          <span className="chart-legend-text">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

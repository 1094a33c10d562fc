// The chart's legend as plain HTML under the plot. recharts' own legend measures its box with a forced
// layout on every redraw (its payload changes whenever the lines do), which the profile showed as the
// largest single cost of a redraw while four runs train.
import { useI18n } from '../i18n/I18n';
import { runGraphicColor } from './contrast';
import type { ChartRun } from './types';

interface Props {
  runs: readonly ChartRun[];
  smoothing: number;
  large?: boolean;
}

function Swatch({ color: raw, dashed, large }: { color: string; dashed?: boolean; large: boolean }) {
  const color = runGraphicColor(raw);
  return (
    <svg className="chart-legend-swatch" width="24" height="10" aria-hidden="true">
      <line
        x1="0"
        y1="5"
        x2="24"
        y2="5"
        stroke={color}
        strokeWidth={(dashed ? 1.5 : 2.5) * (large ? 2 : 1)}
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
export function ChartLegend({ runs, smoothing, large = false }: Props) {
  const { m } = useI18n();
  const first = runs[0];
  const items = !first
    ? []
    : runs.length > 1
      ? runs.map((r) => ({ key: r.id, label: r.name, color: r.color, dashed: false }))
      : [
          {
            key: 'train',
            label: smoothing > 0 ? m.charts.trainingSmoothed : m.charts.training,
            color: first.color,
            dashed: false,
          },
          { key: 'val', label: m.charts.validation, color: first.color, dashed: true },
          ...(first.training?.length
            ? [{ key: 'whole', label: m.charts.trainingWhole, color: first.color, dashed: true }]
            : []),
        ];
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} className="chart-legend-item">
          <Swatch color={item.color} dashed={item.dashed} large={large} />
          <span className="chart-legend-text">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

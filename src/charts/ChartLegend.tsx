// The chart's legend as plain HTML under the plot. recharts' own legend measures its box with a forced
// layout on every redraw (its payload changes whenever the lines do), which the profile showed as the
// largest single cost of a redraw while four runs train.
import { useI18n } from '../i18n/I18n';
import { runGraphicColor } from './contrast';
import type { ChartRun } from './types';
import { WHOLE_DASH } from './wholeSet';

interface Props {
  runs: readonly ChartRun[];
  smoothing: number;
  large?: boolean;
}

/** How a line is drawn: solid (training), dashed with dots (validation), dotted with rings (whole set). */
type LineKind = 'solid' | 'dashed' | 'rings';

function Swatch({ color: raw, kind, large }: { color: string; kind: LineKind; large: boolean }) {
  const color = runGraphicColor(raw);
  const scale = large ? 2 : 1;
  return (
    <svg className="chart-legend-swatch" width="24" height="10" aria-hidden="true">
      <line
        x1="0"
        y1="5"
        x2="24"
        y2="5"
        stroke={color}
        strokeWidth={(kind === 'solid' ? 2.5 : kind === 'rings' ? 2 : 1.5) * scale}
        strokeDasharray={kind === 'dashed' ? '6 4' : kind === 'rings' ? WHOLE_DASH : undefined}
      />
      {kind === 'dashed' && <circle cx="12" cy="5" r="3" fill={color} />}
      {kind === 'rings' && (
        <circle cx="12" cy="5" r="3.2" fill="var(--panel)" stroke={color} strokeWidth={1.6} />
      )}
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
      ? runs.map((r) => ({ key: r.id, label: r.name, color: r.color, kind: 'solid' as const }))
      : [
          {
            key: 'train',
            label: smoothing > 0 ? m.charts.trainingSmoothed : m.charts.training,
            color: first.color,
            kind: 'solid' as const,
          },
          { key: 'val', label: m.charts.validation, color: first.color, kind: 'dashed' as const },
          ...(first.training?.length
            ? [{ key: 'whole', label: m.charts.trainingWhole, color: first.color, kind: 'rings' as const }]
            : []),
        ];
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} className="chart-legend-item">
          <Swatch color={item.color} kind={item.kind} large={large} />
          <span className="chart-legend-text">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

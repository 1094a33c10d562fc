// "Inside the optimizer": one quantity of the optimizer's update over the steps, a line per layer
// for one run (or per run for one layer when comparing), with the runs' live-change markers and, for
// update/weight, the rule-of-thumb band. The quantity is picked with the "Quantity" select.
import { memo, useId, useState, type Ref } from 'react';
import { countRender } from '../shared/renderCount';
import { CartesianGrid, LineChart, ReferenceArea, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/I18n';
import { QUANTITIES, type Quantity } from '../shared/internals';
import { runGraphicColor } from './contrast';
import {
  internalsLines,
  layersOf,
  layerTensor,
  LOG_QUANTITIES,
  isStepWide,
  UPDATE_RATIO_BAND,
  type InternalsRun,
} from './internals';
import { extent, logAxisDomain, logTicks, roundTicks, stepAxisEnd, valueAxisTop } from './axisDomain';
import { HoverReadout, PlotLines, stepAxisProps, useStepAxisRows, type PlotLine } from './plotLayer';
import { GuideLines } from './guideLayer';
import { markerGuides } from './referenceLines';
import type { ChartRun } from './types';

interface Props {
  runs: readonly (InternalsRun & Pick<ChartRun, 'markers'>)[];
  /** Bump when instruments were appended to arrays passed again unchanged. */
  version: number;
  /** The figure element (React 19 passes `ref` as a prop). */
  ref?: Ref<HTMLDivElement>;
}

const TICK = { fontSize: 13, fill: 'var(--ink, #374151)' };

/** `dense2.bias` or `conv1.kernel` as the reader's language names it, counted among `layers`. */
function useLayerName(layers: readonly string[]): (layer: string) => string {
  const { m } = useI18n();
  return (layer) => {
    const t = layerTensor(layer, layers);
    return t ? m.internals.layerName(layer, t.depth, t.part, t.conv) : layer;
  };
}

export const InternalsChart = memo(function InternalsChart({ runs, ref }: Props) {
  countRender('internals');
  const { m, f } = useI18n();
  const [quantity, setQuantity] = useState<Quantity>('updateRatio');
  const layers = layersOf(runs.find((r) => r.internals.length > 0)?.internals ?? []);
  const layerName = useLayerName(layers);
  const [layer, setLayer] = useState('dense1.kernel');
  const shownLayer = layers.includes(layer) ? layer : (layers[0] ?? layer);
  const quantityId = useId();
  const layerId = useId();
  const lines = internalsLines(runs, quantity, shownLayer);
  const log = LOG_QUANTITIES.has(quantity);
  const lastStep = lines.reduce((s, l) => Math.max(s, l.rows.at(-1)?.step ?? 0), 0);
  const stepEnd = stepAxisEnd(lastStep);
  const axisRows = useStepAxisRows(stepEnd);
  // The rule-of-thumb band stays on the axis: it is what the reader compares the lines with.
  const band = quantity === 'updateRatio' ? UPDATE_RATIO_BAND : [];
  const range = extent([...lines.flatMap((l) => l.rows.map((r) => r.value)), ...band]);
  const domain: [number, number] = log
    ? range && range[0] > 0
      ? logAxisDomain(range[0], range[1])
      : [1e-6, 1]
    : quantity === 'velocityCosine'
      ? [-1, 1]
      : [0, valueAxisTop(range?.[1] ?? 1)];
  const plotLines = lines.map((l): PlotLine => ({
    key: l.key,
    name: runs.length === 1 && !isStepWide(quantity) ? layerName(l.name) : l.name,
    rows: l.rows,
    field: 'value',
    stroke: runGraphicColor(l.color),
    dash: l.dash,
    width: 2,
  }));
  const anyData = runs.some((r) => r.internals.length > 0);
  const format = (v: number) =>
    quantity === 'epsShare'
      ? f.pct(v, 0)
      : Math.abs(v) >= 1e-2 && Math.abs(v) < 1e4
        ? String(Number(v.toPrecision(3)))
        : v.toExponential(1);

  return (
    <div ref={ref} role="figure" aria-label={m.internals.chart} className="internals-chart">
      <div className="internals-head">
        <h2 className="chart-title">{m.internals.title}</h2>
        <label htmlFor={quantityId}>{m.internals.quantity}</label>
        <select
          id={quantityId}
          value={quantity}
          onChange={(e) => setQuantity(QUANTITIES.find((q) => q === e.target.value) ?? quantity)}
        >
          {QUANTITIES.map((q) => (
            <option key={q} value={q}>
              {m.internals.quantities[q]}
            </option>
          ))}
        </select>
        {runs.length > 1 && layers.length > 0 && !isStepWide(quantity) && (
          <>
            <label htmlFor={layerId}>{m.internals.layer}</label>
            <select id={layerId} value={shownLayer} onChange={(e) => setLayer(e.target.value)}>
              {layers.map((l) => (
                <option key={l} value={l}>
                  {layerName(l)}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <div className="chart-plot internals-plot">
        {lines.length === 0 ? (
          <p className="chart-empty-hint internals-empty">{anyData ? m.internals.none : m.internals.empty}</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              accessibilityLayer={false}
              data={axisRows}
              margin={{ top: 24, right: 24, bottom: 4, left: 4 }}
            >
              <CartesianGrid stroke="var(--grid, #e5e7eb)" strokeDasharray="3 3" />
              <XAxis {...stepAxisProps(stepEnd, f)} tick={TICK} />
              <YAxis
                width={64}
                tick={TICK}
                scale={log ? 'log' : 'auto'}
                domain={domain}
                interval={0}
                ticks={
                  log
                    ? logTicks(domain)
                    : quantity === 'velocityCosine'
                      ? [-1, -0.5, 0, 0.5, 1]
                      : roundTicks(domain[1], 6)
                }
                allowDataOverflow
                tickFormatter={format}
              />
              {quantity === 'updateRatio' && (
                <ReferenceArea
                  y1={UPDATE_RATIO_BAND[0]}
                  y2={UPDATE_RATIO_BAND[1]}
                  className="internals-band"
                  fill="var(--accent, #0b63ce)"
                  fillOpacity={0.1}
                  label={{
                    value: m.internals.band,
                    position: 'insideTopLeft',
                    fontSize: 13,
                    fill: 'var(--muted, #4b5563)',
                  }}
                />
              )}
              <PlotLines lines={plotLines} />
              <GuideLines guides={markerGuides(runs, lastStep, 'top')} />
              <HoverReadout
                lines={plotLines}
                stepEnd={stepEnd}
                format={format}
                title={(step) => m.charts.step(f.int(step))}
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      {lines.length > 0 && (
        <ul className="chart-legend">
          {lines.map((l) => (
            <li key={l.key} className="chart-legend-item">
              <svg className="chart-legend-swatch" width="24" height="10" aria-hidden="true">
                <line
                  x1="0"
                  y1="5"
                  x2="24"
                  y2="5"
                  stroke={runGraphicColor(l.color)}
                  strokeWidth={2.5}
                  strokeDasharray={l.dash}
                />
              </svg>
              <span className="chart-legend-text" translate={runs.length > 1 ? 'no' : undefined}>
                {runs.length === 1 && !isStepWide(quantity) ? layerName(l.name) : l.name}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

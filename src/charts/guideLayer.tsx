// The vertical guide lines of a chart (epoch boundaries, live changes, where a run diverged), drawn by
// us inside the recharts chart with its own scale, as the data lines are (plotLayer.tsx): recharts'
// ReferenceLines live in its internal store, and adding one (a new change's marker) redrew the whole
// chart in one synchronous task. A label's background is a halo in the panel's colour (SVG
// paint-order), so its text needs no measuring.
import { usePlotArea, useXAxisScale } from 'recharts';

export interface GuideLabel {
  text: string;
  fill: string;
  size: number;
  weight?: number;
  /** Above the plot (epochs), or inside it along its top or bottom edge. */
  at: 'above' | 'top' | 'bottom';
  /** Which side of the line the text runs to; `above` labels are centred on it. */
  side: 'left' | 'right';
  /** Rows down (top) or up (bottom) from the edge: neighbouring labels step down a staircase. */
  level: number;
}

export interface Guide {
  key: string;
  step: number;
  stroke: string;
  width: number;
  dash: string;
  opacity?: number;
  /** A class on the guide's group, for the theme's colours (epoch lines). */
  className?: string;
  label?: GuideLabel;
}

type Scale = (v: number) => number | undefined;
/** Pixels between a label and its line or the plot's edge. */
const GAP = 4;

/** The guides within the step axis, as lines across the plot area. A child of a recharts chart. */
export function GuideLines({ guides }: { guides: readonly Guide[] }) {
  const x = useXAxisScale() as Scale | undefined;
  const area = usePlotArea();
  if (!x || !area) return null;
  return (
    <g className="guide-lines">
      {guides.map((g) => {
        const at = x(g.step);
        if (at === undefined || !Number.isFinite(at) || at < area.x - 0.5 || at > area.x + area.width + 0.5)
          return null;
        return (
          <g key={g.key} className={g.className ? `guide ${g.className}` : 'guide'}>
            <line
              className="guide-line"
              x1={at}
              x2={at}
              y1={area.y}
              y2={area.y + area.height}
              stroke={g.stroke}
              strokeWidth={g.width}
              strokeDasharray={g.dash}
              strokeOpacity={g.opacity}
            />
            {g.label && <GuideText label={g.label} x={at} area={area} />}
          </g>
        );
      })}
    </g>
  );
}

/** About how wide `text` is at `size` px: CJK characters a full em, others about 0.6 em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * size;
}

/** The side a label runs to: the one asked for, unless the text would leave the plot there and fit on the other. */
export function labelSide(
  side: GuideLabel['side'],
  x: number,
  width: number,
  area: { x: number; width: number },
): GuideLabel['side'] {
  const roomRight = area.x + area.width - x - GAP;
  const roomLeft = x - area.x - GAP;
  if (side === 'right' && width > roomRight && roomLeft > roomRight) return 'left';
  if (side === 'left' && width > roomLeft && roomRight > roomLeft) return 'right';
  return side;
}

function GuideText({
  label: l,
  x,
  area,
}: {
  label: GuideLabel;
  x: number;
  area: { x: number; y: number; width: number; height: number };
}) {
  const row = l.size + 6;
  const width = textWidth(l.text, l.size);
  const side = labelSide(l.side, x, width, area);
  const y =
    l.at === 'above'
      ? area.y - GAP
      : l.at === 'top'
        ? area.y + GAP + l.size + l.level * row
        : area.y + area.height - GAP - l.level * row;
  const anchor = l.at === 'above' ? 'middle' : side === 'left' ? 'end' : 'start';
  // Where neither side has room (a narrow projector chart), the text slides along until it fits.
  const start = l.at === 'above' ? x : side === 'left' ? x - GAP - width : x + GAP;
  const shift =
    l.at === 'above' ? 0 : Math.max(area.x - start, Math.min(0, area.x + area.width - (start + width)));
  return (
    <text
      className="guide-label"
      x={(side === 'left' ? start + width : start) + shift}
      y={y}
      textAnchor={anchor}
      fill={l.fill}
      fontSize={l.size}
      fontWeight={l.weight}
      stroke="var(--panel, #ffffff)"
      strokeWidth={l.at === 'above' ? 0 : 4}
      strokeOpacity={0.85}
      strokeLinejoin="round"
      paintOrder="stroke"
    >
      {l.text}
    </text>
  );
}

// The surface as filled contour bands with its minima marked, each run's path as a line with a dot
// per step in the run's colour, and the start point, which can be dragged or placed by a click.
// Two SVG layers of the same box: the bands below (LabBands), everything that moves above.
import { useId, useMemo, useState } from 'react';
import { runGraphicColor } from '../charts/contrast';
import { useI18n } from '../i18n/I18n';
import { LabBands } from './LabBands';
import type { DrawnPath } from './drawn';
import type { LabPath } from './paths';
import { dotsData, lineData, toPlotX, toPlotY, type Plot } from './plot';
import type { LabSettings } from './settings';
import type { Surface } from './surfaces';
import { useStartDrag } from './useStartDrag';

interface Props {
  lab: LabSettings;
  surface: Surface;
  plot: Plot;
  drawn: readonly DrawnPath[];
  /** Points drawn per path: the playhead while playing (point 0 is the start). */
  shown: number;
  /** The id of the text that summarises the paths. */
  describedBy: string;
  onLabChange(next: LabSettings): void;
}

interface PathStrings {
  count: number;
  plot: Plot;
  line: string;
  dots: string;
}

export function LabSurface({ lab, surface, plot, drawn, shown, describedBy, onLabChange }: Props) {
  const { m } = useI18n();
  const clip = useId();
  const drag = useStartDrag(lab, plot, onLabChange);
  // A path's SVG strings are kept with the path: a drag that changes one run rebuilds one.
  const [strings] = useState(() => new WeakMap<LabPath, PathStrings>());
  const lines = useMemo(
    () =>
      drawn.map(({ run, path }) => {
        const count = Math.min(path.count, shown + 1);
        let s = strings.get(path);
        if (s?.count !== count || s.plot !== plot) {
          s = {
            count,
            plot,
            line: lineData(plot, path.xs, path.ys, count),
            dots: dotsData(plot, path.xs, path.ys, count),
          };
          strings.set(path, s);
        }
        return { id: run.id, color: runGraphicColor(run.color), line: s.line, dots: s.dots };
      }),
    [strings, drawn, shown, plot],
  );
  const at = (x: number, y: number) => `translate(${toPlotX(plot, x)} ${toPlotY(plot, y)})`;

  return (
    <div className="lab-canvas" style={{ aspectRatio: `${plot.width} / ${plot.height}` }}>
      <LabBands surface={lab.surface} kappa={lab.kappa} plot={plot} />
      <svg
        className="lab-layer lab-plot"
        viewBox={`0 0 ${plot.width} ${plot.height}`}
        role="img"
        aria-label={m.lab.plot(m.lab.surfaces[lab.surface])}
        aria-describedby={describedBy}
      >
        <defs>
          <clipPath id={clip}>
            <rect width={plot.width} height={plot.height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clip})`} onClick={drag.onMapClick}>
          {/* Transparent, but it takes the clicks that place the start. */}
          <rect className="lab-hit" width={plot.width} height={plot.height} />
          {lines.map((l) => (
            <g key={l.id} className="lab-path" style={{ color: l.color }}>
              <path className="lab-line" d={l.line} />
              <path className="lab-dots" d={l.dots} />
            </g>
          ))}
        </g>
        {surface.minima.map(([x, y]) => (
          <g key={`min${x},${y}`} className="lab-minimum" transform={at(x, y)}>
            <title>{m.lab.minimum}</title>
            <path d="M-7 0H7M0 -7V7" />
            <circle r={5} />
          </g>
        ))}
        {surface.saddles.map(([x, y]) => (
          <g key={`saddle${x},${y}`} className="lab-saddle" transform={at(x, y)}>
            <title>{m.lab.saddlePoint}</title>
            <path d="M-6 -6L6 6M-6 6L6 -6" />
          </g>
        ))}
        <g className="lab-start" transform={at(lab.x0, lab.y0)} {...drag.marker}>
          <title>{m.lab.startPoint}</title>
          <circle className="lab-start-hit" r={16} />
          <circle className="lab-start-dot" r={7} />
        </g>
      </svg>
    </div>
  );
}

// The surface's filled contour bands, on their own layer under the paths: a drag redraws the paths
// only, and the browser need not repaint twelve translucent full-size bands on every move.
import { memo } from 'react';
import { contourMap } from './contours';
import type { Plot } from './plot';
import type { SurfaceName } from './surfaces';

interface Props {
  surface: SurfaceName;
  kappa: number;
  plot: Plot;
}

export const LabBands = memo(function LabBands({ surface, kappa, plot }: Props) {
  const { bands } = contourMap(surface, kappa, plot);
  return (
    // Decoration: the plot above it carries the accessible name and description.
    <svg className="lab-layer lab-bands" viewBox={`0 0 ${plot.width} ${plot.height}`} aria-hidden="true">
      <rect className="lab-plot-bg" width={plot.width} height={plot.height} />
      {bands.map((b) => (
        <path key={b.level} className="lab-band" d={b.d} fillRule="evenodd" />
      ))}
    </svg>
  );
});

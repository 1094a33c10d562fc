// Moving the start point with the pointer: drag its marker, or click the map to start there. Screen
// coordinates go through the SVG's own transform, so this works at any size the page gives the plot.
import { useRef, type MouseEvent, type PointerEvent } from 'react';
import { fromPlot, type Plot } from './plot';
import { clampLab, type LabSettings } from './settings';

/** Decimals that resolve a thousandth of the box's width: 0.02 on the quadratic, 0.004 on Rosenbrock. */
function decimalsFor(plot: Plot): number {
  return Math.max(0, Math.ceil(-Math.log10((plot.frame.xMax - plot.frame.xMin) / 1000)));
}

/** `lab` with its start at the screen point (clientX, clientY), rounded and kept inside the box. */
export function startAt(lab: LabSettings, plot: Plot, svg: SVGSVGElement, clientX: number, clientY: number) {
  const ctm = svg.getScreenCTM();
  if (!ctm) return lab;
  const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
  const [x, y] = fromPlot(plot, p.x, p.y);
  const d = decimalsFor(plot);
  const x0 = clampLab('x0', Number(x.toFixed(d)), lab.surface) ?? lab.x0;
  const y0 = clampLab('y0', Number(y.toFixed(d)), lab.surface) ?? lab.y0;
  return x0 === lab.x0 && y0 === lab.y0 ? lab : { ...lab, x0, y0 };
}

export function useStartDrag(lab: LabSettings, plot: Plot, onLabChange: (next: LabSettings) => void) {
  const dragging = useRef(false);
  const move = (svg: SVGSVGElement | null, clientX: number, clientY: number) => {
    if (!svg) return;
    const next = startAt(lab, plot, svg, clientX, clientY);
    if (next !== lab) onLabChange(next);
  };
  return {
    marker: {
      onPointerDown(e: PointerEvent<SVGElement>) {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      },
      onPointerMove(e: PointerEvent<SVGElement>) {
        if (dragging.current) move(e.currentTarget.ownerSVGElement, e.clientX, e.clientY);
      },
      onPointerUp(e: PointerEvent<SVGElement>) {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      },
      onPointerCancel() {
        dragging.current = false;
      },
    },
    /** On the map's background: a click (not the end of a drag) starts the paths there. */
    onMapClick(e: MouseEvent<SVGElement>) {
      move(e.currentTarget.ownerSVGElement, e.clientX, e.clientY);
    },
  };
}

// The drawing pad: pointer events of any kind (mouse, pen, touch) draw on it. Each change becomes the
// network's input at most once a frame, and once more when the stroke ends. Remounting it clears it.
import { useEffect, useRef, type PointerEvent } from 'react';
import { drawStroke, PAD_SIZE, padContext, padPoint, readInput, type PadPoint } from './pad';

interface Props {
  label: string;
  /** The drawing changed: its input; `ended`: the stroke is finished. */
  onDraw(pixels: Uint8Array, ended: boolean): void;
}

export function DrawPad({ label, onDraw }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<PadPoint | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const read = (ended: boolean) => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    const ctx = padContext(canvas.current);
    if (ctx) onDraw(readInput(ctx), ended);
  };
  const draw = (el: HTMLCanvasElement, samples: readonly { clientX: number; clientY: number }[]) => {
    const ctx = padContext(el);
    if (!ctx) return;
    for (const s of samples) {
      const p = padPoint(s, el);
      drawStroke(ctx, last.current ?? p, p);
      last.current = p;
    }
    frame.current ||= requestAnimationFrame(() => read(false));
  };
  const end = () => {
    if (!last.current) return;
    last.current = null;
    read(true);
  };

  return (
    <canvas
      ref={canvas}
      className="draw-pad"
      width={PAD_SIZE}
      height={PAD_SIZE}
      role="img"
      aria-label={label}
      onPointerDown={(e: PointerEvent<HTMLCanvasElement>) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = null;
        draw(e.currentTarget, [e]);
      }}
      onPointerMove={(e: PointerEvent<HTMLCanvasElement>) => {
        if (!last.current) return;
        // Every sample since the last event, so a fast stroke stays smooth.
        const samples = e.nativeEvent.getCoalescedEvents?.() ?? [];
        draw(e.currentTarget, samples.length > 0 ? samples : [e]);
      }}
      onPointerUp={end}
      onPointerCancel={end}
    />
  );
}

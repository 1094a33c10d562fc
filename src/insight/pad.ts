// The drawing pad's canvas work, apart from React: strokes drawn as round-capped white lines on a
// transparent canvas of PAD_SIZE² pixels (whatever size CSS gives it), and the ink read back as the
// network's input (digitInput.ts).
import { toMnistInput } from './digitInput';

/** The pad's own resolution: a digit drawn across it shrinks about tenfold into MNIST's 20×20 box. */
export const PAD_SIZE = 280;
/** Pen width in pad pixels: after that shrinking about two pixels, as MNIST's strokes. */
const PEN = 22;

export interface PadPoint {
  x: number;
  y: number;
}

/** The canvas's context, always asked for with the same options (the first request decides them). */
export function padContext(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  return canvas?.getContext('2d', { willReadFrequently: true }) ?? null;
}

/** A pointer position in pad pixels. */
export function padPoint(e: { clientX: number; clientY: number }, canvas: HTMLCanvasElement): PadPoint {
  const r = canvas.getBoundingClientRect();
  return { x: ((e.clientX - r.left) * PAD_SIZE) / r.width, y: ((e.clientY - r.top) * PAD_SIZE) / r.height };
}

export function drawStroke(ctx: CanvasRenderingContext2D, from: PadPoint, to: PadPoint): void {
  ctx.strokeStyle = ctx.fillStyle = '#fff';
  ctx.lineWidth = PEN;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  if (from.x === to.x && from.y === to.y) {
    // A tap: a zero-length line would draw nothing.
    ctx.arc(to.x, to.y, PEN / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
}

/** The drawing as the network's input: its alpha channel is the ink. */
export function readInput(ctx: CanvasRenderingContext2D): Uint8Array {
  const { data } = ctx.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
  const ink = new Uint8Array(PAD_SIZE * PAD_SIZE);
  for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i + 3]!;
  return toMnistInput(ink, PAD_SIZE, PAD_SIZE);
}

// A drawing turned into an MNIST digit the way MNIST's were made (LeCun et al., 1998): the ink's
// bounding box scaled to fit a 20×20 box keeping its aspect ratio, with anti-aliased grey levels, then
// placed in the 28×28 field so that its centre of mass lies at the field's centre. Pure, so Node tests
// check it on drawings made up of numbers.
import { IMAGE_PIXELS, IMAGE_SIDE } from '../shared/mnist';

/** The box MNIST fitted each digit into, inside the IMAGE_SIDE field. */
export const DIGIT_BOX = 20;

/**
 * Resamples `length` source cells to `size` target cells by area: each target cell averages the
 * source it covers, counting partly covered cells by their covered fraction (a box filter, which
 * anti-aliases when shrinking). Returns, per target cell, the source cells it reads and their weights.
 */
function areaWeights(length: number, size: number): { from: number; weights: number[] }[] {
  const span = length / size;
  return Array.from({ length: size }, (_, j) => {
    const start = j * span;
    const end = start + span;
    const from = Math.floor(start);
    const weights: number[] = [];
    for (let i = from; i < Math.min(length, Math.ceil(end)); i++)
      weights.push((Math.min(end, i + 1) - Math.max(start, i)) / span);
    return { from, weights };
  });
}

/**
 * `ink`: the drawing's coverage (0–255) per pixel, row-major, `width` × `height`. Returns IMAGE_PIXELS
 * grey levels 0–255, white ink on black as in MNIST; all zeros for an empty drawing.
 */
export function toMnistInput(ink: ArrayLike<number>, width: number, height: number): Uint8Array {
  const out = new Uint8Array(IMAGE_PIXELS);
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x]! > 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return out;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  // The longer side becomes DIGIT_BOX; the other keeps the proportion (at least one pixel).
  const scale = DIGIT_BOX / Math.max(w, h);
  const fw = Math.max(1, Math.round(w * scale));
  const fh = Math.max(1, Math.round(h * scale));
  const fitted = resample(ink, width, x0, y0, w, h, fw, fh);

  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < fh; y++)
    for (let x = 0; x < fw; x++) {
      const v = fitted[y * fw + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  // Whole-pixel shifts, as MNIST's translation: no second resampling to blur the strokes.
  const centre = IMAGE_SIDE / 2;
  const dx = Math.round(centre - mx / mass);
  const dy = Math.round(centre - my / mass);
  for (let y = 0; y < fh; y++)
    for (let x = 0; x < fw; x++) {
      const tx = x + dx;
      const ty = y + dy;
      if (tx < 0 || ty < 0 || tx >= IMAGE_SIDE || ty >= IMAGE_SIDE) continue;
      out[ty * IMAGE_SIDE + tx] = Math.min(255, Math.round(fitted[y * fw + x]!));
    }
  return out;
}

/** The box (x0, y0, w, h) of `ink` resampled by area to fw × fh: rows first, then columns. */
function resample(
  ink: ArrayLike<number>,
  width: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  fw: number,
  fh: number,
): Float64Array {
  const across = areaWeights(w, fw);
  const down = areaWeights(h, fh);
  const rows = new Float64Array(h * fw);
  for (let y = 0; y < h; y++) {
    const base = (y0 + y) * width + x0;
    across.forEach(({ from, weights }, j) => {
      let v = 0;
      weights.forEach((wt, k) => (v += wt * ink[base + from + k]!));
      rows[y * fw + j] = v;
    });
  }
  const fitted = new Float64Array(fw * fh);
  down.forEach(({ from, weights }, i) => {
    for (let x = 0; x < fw; x++) {
      let v = 0;
      weights.forEach((wt, k) => (v += wt * rows[(from + k) * fw + x]!));
      fitted[i * fw + x] = v;
    }
  });
  return fitted;
}

// A drawing becomes an MNIST digit as MNIST's were made: the ink fitted into 20×20 keeping its
// proportions, anti-aliased, and centred by its centre of mass in 28×28.
import { describe, expect, it } from 'vitest';
import { DIGIT_BOX, toMnistInput } from '../../src/insight/digitInput';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../src/shared/mnist';

const PAD = 280;

/** A blank pad with the rectangles [x0, x1) × [y0, y1) filled with full ink. */
function pad(...rects: [number, number, number, number][]): Uint8Array {
  const ink = new Uint8Array(PAD * PAD);
  for (const [x0, x1, y0, y1] of rects)
    for (let y = y0; y < y1; y++) ink.fill(255, y * PAD + x0, y * PAD + x1);
  return ink;
}

/** Columns (or rows) of the 28×28 image that hold any ink. */
function inked(img: Uint8Array, axis: 'x' | 'y'): number[] {
  const out = new Set<number>();
  for (let i = 0; i < IMAGE_PIXELS; i++)
    if (img[i]! > 0) out.add(axis === 'x' ? i % IMAGE_SIDE : Math.floor(i / IMAGE_SIDE));
  return [...out].sort((a, b) => a - b);
}

/** Centre of mass in continuous coordinates (pixel i's centre at i + 0.5). */
function centreOfMass(img: Uint8Array): { x: number; y: number } {
  let m = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < IMAGE_PIXELS; i++) {
    m += img[i]!;
    x += img[i]! * ((i % IMAGE_SIDE) + 0.5);
    y += img[i]! * (Math.floor(i / IMAGE_SIDE) + 0.5);
  }
  return { x: x / m, y: y / m };
}

describe('toMnistInput', () => {
  it('gives all zeros for an empty pad', () => {
    const img = toMnistInput(new Uint8Array(PAD * PAD), PAD, PAD);
    expect(img).toHaveLength(IMAGE_PIXELS);
    expect(img.every((v) => v === 0)).toBe(true);
  });

  it('turns a vertical line into a centred vertical stroke 20 pixels tall', () => {
    // 20 wide, 200 tall, near the pad's left edge: it is the shape that counts, not where it was drawn.
    const img = toMnistInput(pad([30, 50, 60, 260]), PAD, PAD);
    expect(inked(img, 'y')).toEqual(Array.from({ length: DIGIT_BOX }, (_, i) => 4 + i));
    expect(inked(img, 'x')).toEqual([13, 14]);
    expect(Math.max(...img)).toBe(255);
    const c = centreOfMass(img);
    expect(c.x).toBeCloseTo(IMAGE_SIDE / 2, 5);
    expect(c.y).toBeCloseTo(IMAGE_SIDE / 2, 5);
  });

  it('centres an off-centre drawing by its centre of mass, not its box', () => {
    // An L in the pad's top-left corner: heavy along its bottom, so its mass sits below its box's centre.
    const img = toMnistInput(pad([10, 30, 10, 110], [10, 110, 90, 110]), PAD, PAD);
    const c = centreOfMass(img);
    expect(Math.abs(c.x - IMAGE_SIDE / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - IMAGE_SIDE / 2)).toBeLessThanOrEqual(0.5);
    // Its 20×20 box is not centred: mass-centring moved it up and left of the middle.
    const rows = inked(img, 'y');
    const cols = inked(img, 'x');
    expect(rows).toHaveLength(DIGIT_BOX);
    expect(cols).toHaveLength(DIGIT_BOX);
    expect(rows[0]! + rows.at(-1)! + 1).toBeLessThan(IMAGE_SIDE);
    expect(cols[0]! + cols.at(-1)! + 1).toBeGreaterThan(IMAGE_SIDE);
  });

  it('keeps the aspect ratio: a wide bar fills 20 columns and few rows', () => {
    const img = toMnistInput(pad([40, 240, 100, 140]), PAD, PAD);
    expect(inked(img, 'x')).toHaveLength(DIGIT_BOX);
    expect(inked(img, 'y')).toHaveLength(4);
  });

  it('anti-aliases: a thin diagonal gives grey levels between black and white', () => {
    const ink = new Uint8Array(PAD * PAD);
    for (let i = 20; i < 260; i++) ink[i * PAD + i] = 255;
    const img = toMnistInput(ink, PAD, PAD);
    expect([...img].some((v) => v > 0 && v < 255)).toBe(true);
    expect(Math.max(...img)).toBeLessThan(255);
  });

  it('enlarges a tiny drawing to the 20-pixel box', () => {
    const img = toMnistInput(pad([100, 102, 100, 110]), PAD, PAD);
    expect(inked(img, 'y')).toHaveLength(DIGIT_BOX);
    expect(inked(img, 'x')).toHaveLength(4);
  });
});

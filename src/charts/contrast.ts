// WCAG contrast for run colours used as text: the stored colour (links carry it) stays as it is, and
// text drawn in it is darkened on a light page, lightened on a dark one, until it reads at AA.

/** The surfaces run colours are drawn on, per theme, panel first; styles.css defines the same (--panel, --bg). */
export const THEME_SURFACES = {
  light: ['#ffffff', '#f7f7f5'],
  dark: ['#1c1d22', '#121317'],
} as const;

/** WCAG 2.x AA: 4.5:1 for body text, 3:1 for graphics and UI parts. */
export const AA_TEXT = 4.5;
export const AA_GRAPHICS = 3;

type Rgb = readonly [number, number, number];

/** #rgb or #rrggbb; null for anything else (a colour name from a hand-edited link stays as it is). */
function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return null;
  const h = m[1];
  const n = Number.parseInt(h.length === 3 ? [...h].map((c) => c + c).join('') : h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb) => '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');

/** Relative luminance L of an sRGB colour, WCAG 2.x definition. */
export function luminance(hex: string): number {
  const rgb = parseHex(hex);
  if (!rgb) throw new Error(`not a hex colour: ${hex}`);
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (L₁ + 0.05) / (L₂ + 0.05), the lighter over the darker: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The colour mixed toward black (t < 0) or white (t > 0) by |t|; mixing keeps the hue. */
function mix(rgb: Rgb, t: number): Rgb {
  const target = t < 0 ? 0 : 255;
  const w = Math.abs(t);
  return rgb.map((c) => c + (target - c) * w) as unknown as Rgb;
}

/**
 * `color`, or the closest shade of it (mixed toward black on light surfaces, toward white on dark
 * ones) whose contrast against every surface is at least `min`. Colours that already pass are kept.
 */
export function readableOn(color: string, surfaces: readonly string[], min = AA_TEXT): string {
  const rgb = parseHex(color);
  if (!rgb) return color;
  const worst = (c: string) => Math.min(...surfaces.map((s) => contrastRatio(c, s)));
  if (worst(color) >= min) return color.toLowerCase();
  const darkSurfaces = surfaces.every((s) => luminance(s) < 0.18);
  for (let step = 1; step <= 100; step++) {
    const shade = toHex(mix(rgb, (darkSurfaces ? 1 : -1) * step * 0.01));
    if (worst(shade) >= min) return shade;
  }
  return darkSurfaces ? '#ffffff' : '#000000';
}

/** The colour itself where both themes can use it, else `light-dark()`, which picks by the page's colour-scheme. */
function perTheme(color: string, light: string, dark: string): string {
  const same = (c: string) => c.toLowerCase() === color.toLowerCase();
  return same(light) && same(dark) ? color : `light-dark(${light}, ${dark})`;
}

/** A CSS colour for text in a run's colour that reads at 4.5:1 in either theme. */
export function runTextColor(color: string): string {
  const { light, dark } = THEME_SURFACES;
  return perTheme(color, readableOn(color, light), readableOn(color, dark));
}

/** The same for lines, dots and swatches: 3:1 against the chart's panel. */
export function runGraphicColor(color: string): string {
  const panel = (theme: keyof typeof THEME_SURFACES) => [THEME_SURFACES[theme][0]];
  return perTheme(
    color,
    readableOn(color, panel('light'), AA_GRAPHICS),
    readableOn(color, panel('dark'), AA_GRAPHICS),
  );
}

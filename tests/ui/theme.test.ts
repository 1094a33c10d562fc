// Run colours as text and graphics meet WCAG AA in both themes; the theme choice parses and applies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AA_GRAPHICS,
  AA_TEXT,
  contrastRatio,
  readableOn,
  runGraphicColor,
  runTextColor,
  THEME_SURFACES,
} from '../../src/charts/contrast';
import { RUN_COLORS } from '../../src/experiment/runs';
import { applyTheme, parseTheme } from '../../src/ui/useTheme';

const THEMES = ['light', 'dark'] as const;

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#E69F00', '#ffffff')).toBeLessThan(AA_TEXT); // why readableOn exists
  });
});

describe.each(THEMES)('readableOn, %s theme', (theme) => {
  const surfaces = THEME_SURFACES[theme];
  it.each([...RUN_COLORS])('%s as text reads at 4.5:1 and as a line at 3:1 on every surface', (color) => {
    for (const [min, shade] of [
      [AA_TEXT, readableOn(color, surfaces)],
      [AA_GRAPHICS, readableOn(color, surfaces, AA_GRAPHICS)],
    ] as const) {
      for (const s of surfaces) expect(contrastRatio(shade, s)).toBeGreaterThanOrEqual(min);
      expect(shade).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});

describe('readableOn', () => {
  it('keeps a colour that already passes, and shifts the others as little as it can', () => {
    expect(readableOn('#0072B2', THEME_SURFACES.light)).toBe('#0072b2');
    const shade = readableOn('#E69F00', THEME_SURFACES.light);
    expect(Math.min(...THEME_SURFACES.light.map((s) => contrastRatio(shade, s)))).toBeLessThan(5);
  });
  it('leaves a colour it cannot parse as it is', () => {
    expect(readableOn('teal', THEME_SURFACES.light)).toBe('teal');
  });
  it('gives CSS that picks the shade for the page colour scheme, or the colour where both can use it', () => {
    expect(runTextColor('#000000')).toMatch(/^light-dark\(#000000, #[0-9a-f]{6}\)$/);
    expect(runGraphicColor('#0072B2')).toBe('#0072B2');
  });
});

describe('theme surfaces', () => {
  it('are the colours styles.css gives --panel and --bg', () => {
    const css = readFileSync('src/ui/styles.css', 'utf8');
    const pair = (name: string) => {
      const m = new RegExp(`--${name}: light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\)`).exec(css);
      return [m?.[1], m?.[2]];
    };
    const vars = ['panel', 'bg'].map(pair);
    expect(vars.map((v) => v[0])).toEqual(THEME_SURFACES.light);
    expect(vars.map((v) => v[1])).toEqual(THEME_SURFACES.dark);
  });
});

describe('theme choice', () => {
  it('parses stored values, anything unknown meaning the system theme', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme(null)).toBe('system');
    expect(parseTheme('sepia')).toBe('system');
  });
  it('sets data-theme for light and dark, and removes it for the system theme', () => {
    const root = { dataset: {} as DOMStringMap } as HTMLElement;
    applyTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    applyTheme(root, 'system');
    expect(root.dataset.theme).toBeUndefined();
  });
});

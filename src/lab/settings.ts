// The lab's own settings as one typed table: each key's default and range. The link codec (link.ts)
// and the controls both read it. The start's range is the surface's plot box, so it is always visible.
import { surfaceOf, type SurfaceName } from './surfaces';

/** Which η the lab walks each run with (rates.ts): one suited to the surface, or the run's own. */
export const LAB_ETAS = ['surface', 'run'] as const;
export type LabEta = (typeof LAB_ETAS)[number];

export interface LabSettings {
  surface: SurfaceName;
  eta: LabEta;
  /** Condition number κ of the two quadratics. */
  kappa: number;
  /** Standard deviation σ of the gradient noise on the noisy quadratic. */
  noise: number;
  /** The start point (x0, y0), the path's step 0. */
  x0: number;
  y0: number;
  /** How many optimizer steps each path takes. */
  steps: number;
}
export type LabKey = keyof LabSettings;
export type LabNumberKey = Exclude<LabKey, 'surface' | 'eta'>;

/** Link order: the surface first, since the start's range depends on it. */
export const LAB_KEYS = [
  'surface',
  'eta',
  'kappa',
  'noise',
  'x0',
  'y0',
  'steps',
] as const satisfies readonly LabKey[];
export const LAB_NUMBER_KEYS = [
  'kappa',
  'noise',
  'x0',
  'y0',
  'steps',
] as const satisfies readonly LabNumberKey[];

export const MAX_LAB_STEPS = 2000;
export const DEFAULT_SURFACE: SurfaceName = 'quadratic';
/** A first view walks at rates suited to the surface: MNIST's rates barely move a point here. */
export const DEFAULT_ETA: LabEta = 'surface';
/**
 * What a link that names lab keys but not `eta` means: it was written before the lab had rates of its
 * own, when every run walked at its own η (the lessons' links among them), so it keeps doing that.
 */
export const LEGACY_ETA: LabEta = 'run';

export interface LabRange {
  min: number;
  max: number;
  integer: boolean;
  /** How a slider moves: κ spans three decades, so its slider moves evenly in log κ. */
  scale: 'linear' | 'log';
}

interface FixedRow extends LabRange {
  default: number;
}

const FIXED: Readonly<Record<'kappa' | 'noise' | 'steps', FixedRow>> = {
  kappa: { min: 1, max: 1000, integer: false, scale: 'log', default: 50 },
  // At σ = 10 the noise already outweighs the x component of the gradient at the default start (8):
  // more would only show jitter.
  noise: { min: 0, max: 10, integer: false, scale: 'linear', default: 1 },
  steps: { min: 1, max: MAX_LAB_STEPS, integer: true, scale: 'linear', default: 300 },
};

/** The range of `key` on `surface`: x0 and y0 stay inside the surface's plot box. */
export function labRange(key: LabNumberKey, surface: SurfaceName): LabRange {
  if (key === 'x0' || key === 'y0') {
    const { frame } = surfaceOf(surface, FIXED.kappa.default);
    const [min, max] = key === 'x0' ? [frame.xMin, frame.xMax] : [frame.yMin, frame.yMax];
    return { min, max, integer: false, scale: 'linear' };
  }
  return FIXED[key];
}

/** The default of `key` on `surface`: the start is the surface's own default start. */
export function labDefault(key: LabNumberKey, surface: SurfaceName): number {
  if (key === 'x0' || key === 'y0')
    return surfaceOf(surface, FIXED.kappa.default).start[key === 'x0' ? 0 : 1];
  return FIXED[key].default;
}

export function defaultLab(surface: SurfaceName = DEFAULT_SURFACE): LabSettings {
  const lab = { surface, eta: DEFAULT_ETA } as LabSettings;
  for (const key of LAB_NUMBER_KEYS) lab[key] = labDefault(key, surface);
  return lab;
}

/**
 * `lab` on another surface, starting from that surface's default start (the old one may lie outside).
 * The choice of η stays: "suited to the surface" follows the new surface by itself.
 */
export function withSurface(lab: LabSettings, surface: SurfaceName): LabSettings {
  if (surface === lab.surface) return lab;
  return { ...lab, surface, x0: labDefault('x0', surface), y0: labDefault('y0', surface) };
}

/** `value` inside the range of `key` (rounded for whole-number keys); null when not a finite number. */
export function clampLab(key: LabNumberKey, value: number, surface: SurfaceName): number | null {
  if (!Number.isFinite(value)) return null;
  const { min, max, integer } = labRange(key, surface);
  const v = Math.min(max, Math.max(min, integer ? Math.round(value) : value));
  // -0 would be written as "0" and so not survive a link round trip.
  return v === 0 ? 0 : v;
}

/** Whether every value of `lab` is in range (what the link codec and the controls produce). */
export function isValidLab(lab: LabSettings): boolean {
  return (
    isLabEta(lab.eta) && LAB_NUMBER_KEYS.every((k) => Object.is(clampLab(k, lab[k], lab.surface), lab[k]))
  );
}

export function isLabEta(s: string): s is LabEta {
  return (LAB_ETAS as readonly string[]).includes(s);
}

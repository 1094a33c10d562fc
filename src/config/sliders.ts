// Slider positions (integers 0..SLIDER_MAX) to setting values and back, plus display text.
// Log fields move in log space so every decade of a learning rate gets the same slider travel;
// β and μ move in log(1 − value), so 0.9 → 0.99 → 0.999 are equal steps too.
import { FIELDS, type FieldKey, type NumericKey, type NumericSpec } from './schema';
import type { RunConfig } from '../shared/settings';
import type { Text } from '../i18n/text';

export const SLIDER_MAX = 1000;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Where `value` sits between min (0) and max (1), in the field's own scale. */
function fraction(spec: NumericSpec, value: number): number {
  if (spec.scale === 'decay') return Math.log1p(-value) / Math.log1p(-spec.max);
  if (spec.scale === 'linear') return (value - spec.min) / (spec.max - spec.min);
  const lo = Math.log(spec.logFloor ?? spec.min);
  return (Math.log(value) - lo) / (Math.log(spec.max) - lo);
}

function fromFraction(spec: NumericSpec, t: number): number {
  // decay fields start at 0: value = 1 − (1 − max)^t.
  if (spec.scale === 'decay') return -Math.expm1(t * Math.log1p(-spec.max));
  if (spec.scale === 'linear') return spec.min + t * (spec.max - spec.min);
  const lo = Math.log(spec.logFloor ?? spec.min);
  return Math.exp(lo + t * (Math.log(spec.max) - lo));
}

/** The nearest slider position for `value`; out-of-range values pin to the ends. */
export function valueToSlider(key: NumericKey, value: number): number {
  const spec: NumericSpec = FIELDS[key];
  if (Number.isNaN(value) || value <= spec.min) return 0;
  if (value >= spec.max) return SLIDER_MAX;
  // Above a log field's floor of 0, positions 1…SLIDER_MAX span floor…max; 0 alone is position 0.
  if (spec.logFloor !== undefined) {
    const f = fraction(spec, value) * (SLIDER_MAX - 1) + 1;
    return clamp(Math.round(f), 1, SLIDER_MAX);
  }
  return clamp(Math.round(fraction(spec, value) * SLIDER_MAX), 0, SLIDER_MAX);
}

/**
 * The value at slider `position` (rounded and clamped to 0..SLIDER_MAX). Continuous fields get the
 * shortest decimal that still maps back to the same position, so dragging gives 0.9 rather than
 * 0.89991 and links stay readable; valueToSlider(key, sliderToValue(key, p)) === p always holds.
 */
export function sliderToValue(key: NumericKey, position: number): number {
  const spec: NumericSpec = FIELDS[key];
  const p = Number.isFinite(position) ? clamp(Math.round(position), 0, SLIDER_MAX) : 0;
  // The ends are exact, not exp(log(x)) approximations of them.
  if (p === 0) return spec.min;
  if (p === SLIDER_MAX) return spec.max;
  const t = spec.logFloor === undefined ? p / SLIDER_MAX : (p - 1) / (SLIDER_MAX - 1);
  const raw = fromFraction(spec, t);
  if (spec.kind === 'int') return clamp(Math.round(raw), spec.min, spec.max);
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = Number(raw.toPrecision(digits));
    if (candidate >= spec.min && candidate <= spec.max && valueToSlider(key, candidate) === p)
      return candidate;
  }
  return raw;
}

// Six significant digits tell 0.99999 from 0.9999 yet hide float noise such as 0.30000000000000004.
const DISPLAY_DIGITS = 6;

/** Text for showing a value next to its control: "0.001", "1e-7", "32", "on", "adam". */
export function formatValue<K extends FieldKey>(key: K, value: RunConfig[K]): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return value;
  if (FIELDS[key].kind === 'int' || value === 0 || !Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(DISPLAY_DIGITS)));
}

/**
 * A value as a sentence or marker shows it, in the reader's language: on/off, an optimizer or
 * preprocessing by its name ("Adam", "Scale to [0, 1]"), numbers as formatValue writes them.
 */
export function valueText<K extends FieldKey>(key: K, value: RunConfig[K]): Text {
  if (typeof value === 'boolean') return (m) => (value ? m.values.on : m.values.off);
  if (key === 'optimizer') return (m) => m.settings.optimizers[value as RunConfig['optimizer']];
  if (key === 'preprocessing') return (m) => m.settings.preprocessings[value as RunConfig['preprocessing']];
  if (key === 'schedule') return (m) => m.settings.schedules[value as RunConfig['schedule']];
  const text = formatValue(key, value);
  return () => text;
}

// Accepts, clamps or refuses one setting value against its FIELDS row. The URL parser and the UI
// inputs both go through here so a value is treated the same wherever it comes from.
import { FIELDS, FIELD_LIST, type AnyFieldSpec, type FieldKey } from './schema';
import type { RunConfig } from '../shared/settings';
import { isModelName } from '../shared/model';
import type { Messages } from '../i18n/messages';
import type { Text } from '../i18n/text';

/** A value outside its range, accepted as the nearest bound. */
export interface Clamp {
  bound: 'minimum' | 'maximum';
  /** The bound's value, which the value was replaced with. */
  limit: number;
}

/**
 * `reason` (refused) and `note` (accepted after clamping) are predicate phrases such as
 * "is not a number", so each caller puts its own subject in front: a URL item, a UI label. They are
 * Texts, rendered in the page's language of the moment. `note` is the whole clamp as one phrase;
 * `clamp` is the same clamp as data, for callers that phrase it differently (outOfRange).
 */
export type Validation<V> = { ok: true; value: V; clamp?: Clamp; note?: Text } | { ok: false; reason: Text };

// Plain decimal or exponent notation only: Number() would also take '', ' ', '0x1f' and '1_0'.
// Each branch starts with a distinct character class, so there is no catastrophic backtracking.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^[+-]?inf(?:inity)?$/i;
// No setting needs more characters; refusing early keeps hostile inputs cheap.
const MAX_NUMBER_TEXT = 64;

/**
 * A typed number as the parser expects it: full-width digits and point from a Chinese input method
 * (０．０１) become ASCII (NFKC), and a lone decimal comma (0,01) a point. "1,000.5" stays refused:
 * a comma next to a point is a thousands separator, which we do not guess at.
 */
function numberText(text: string): string {
  const t = text.normalize('NFKC').trim();
  return t.includes('.') ? t : t.replace(/^([+-]?\d*),(\d+(?:[eE][+-]?\d+)?)$/, '$1.$2');
}

type Reasons = Messages['validation'];

/** A refusal whose reason is one of the validation section's fixed phrases. */
function refuse(pick: (v: Reasons) => string): { ok: false; reason: Text } {
  return { ok: false, reason: (m) => pick(m.validation) };
}

/** What is wrong with a clamped value: "is below the minimum 0". */
export function outOfRange({ bound, limit }: Clamp): Text {
  // The limit as a link writes it (1e-7, 0.00001), the same in every language.
  return (m) => m.validation.outOfRange(bound, String(limit));
}

/** A link's notice for `item`, whose `value` was clamped to `kept`; null when it was not. */
export function clampedNotice(item: string, value: number, kept: number): Text | null {
  if (kept === value) return null;
  const range = outOfRange({ bound: value < kept ? 'minimum' : 'maximum', limit: kept });
  return (m) => m.links.clamped(item, m.validation.clamped(range(m), String(kept)));
}

function clamped(clamp: Clamp): Validation<number> {
  const range = outOfRange(clamp);
  const note: Text = (m) => m.validation.clamped(range(m), String(clamp.limit));
  return { ok: true, value: clamp.limit, clamp, note };
}

// Widened once so a generic key K can reach a row the compiler can switch on.
const SPECS: Readonly<Record<FieldKey, AnyFieldSpec>> = FIELDS;

function check(spec: AnyFieldSpec, value: unknown): Validation<number | boolean | string> {
  switch (spec.kind) {
    case 'number':
    case 'int': {
      if (typeof value !== 'number' || Number.isNaN(value)) return refuse((v) => v.notNumber);
      if (!Number.isFinite(value)) return refuse((v) => v.notFinite);
      if (spec.kind === 'int' && !Number.isInteger(value)) return refuse((v) => v.notWhole);
      if (value < spec.min) return clamped({ bound: 'minimum', limit: spec.min });
      if (value > spec.max) return clamped({ bound: 'maximum', limit: spec.max });
      // -0 would serialize as "0" and so not survive a URL round trip.
      return { ok: true, value: value === 0 ? 0 : value };
    }
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : refuse((v) => v.notOnOff);
    case 'enum': {
      const options: readonly string[] = spec.options;
      return typeof value === 'string' && options.includes(value)
        ? { ok: true, value }
        : refuse((v) => v.notOneOf(options));
    }
    case 'model':
      return typeof value === 'string' && isModelName(value)
        ? { ok: true, value }
        : refuse((v) => v.notModel);
  }
}

/** Checks a typed value (slider, checkbox, select) for `key`. */
export function validateValue<K extends FieldKey>(key: K, value: unknown): Validation<RunConfig[K]> {
  // check() returns a value of the row's own kind; the compiler cannot correlate that with K.
  return check(SPECS[key], value) as Validation<RunConfig[K]>;
}

/** Parses text (a URL value, a typed-in number) for `key`, then validates it like validateValue. */
export function parseText<K extends FieldKey>(key: K, text: string): Validation<RunConfig[K]> {
  const spec = SPECS[key];
  let value: unknown = text;
  if (spec.kind === 'number' || spec.kind === 'int') {
    const t = numberText(text);
    if (t.length <= MAX_NUMBER_TEXT && INFINITE.test(t)) return refuse((v) => v.notFinite);
    if (t.length > MAX_NUMBER_TEXT || !DECIMAL.test(t)) return refuse((v) => v.notNumber);
    value = Number(t);
  } else if (spec.kind === 'bool') {
    if (text === '1' || text === 'true') value = true;
    else if (text === '0' || text === 'false') value = false;
    else return refuse((v) => v.notZeroOne);
  }
  return check(spec, value) as Validation<RunConfig[K]>;
}

/** True when `c` has exactly the RunConfig fields, each of the right type and already in range. */
export function isValidConfig(c: unknown): c is RunConfig {
  if (typeof c !== 'object' || c === null) return false;
  if (Object.keys(c).length !== FIELD_LIST.length) return false;
  return FIELD_LIST.every((spec) => {
    if (!Object.hasOwn(c, spec.key)) return false;
    const value: unknown = (c as Record<string, unknown>)[spec.key];
    const r = check(spec, value);
    return r.ok && r.clamp === undefined && Object.is(r.value, value);
  });
}

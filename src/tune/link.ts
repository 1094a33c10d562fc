// The random search's form in the experiment link, so a shared link draws the same trials: `trials` and
// `tsteps` (whole numbers), `topt` (the optimizers ticked, comma-separated) and one `min~max` range per
// hyperparameter (`tlr`, `tb1`, `tb2`, `tmom`). Split off before the experiment is parsed and appended
// when a link is written, like the lab's keys; reading never throws (a bad value keeps its default and
// says so), and values equal to their defaults are left out.
import { claimKeys, noticeList, show } from '../config/linkText';
import { clampedNotice } from '../config/validate';
import type { Text } from '../i18n/text';
import { OPTIMIZERS, type OptimizerName } from '../shared/settings';
import { DEFAULT_FORM, type SearchForm } from './form';
import { cleanSpace, spaceLimits, TRIAL_COUNT, TRIAL_STEPS, type Bounds, type SpaceKey } from './sampler';

const RANGE_KEYS: Record<SpaceKey, string> = {
  learningRate: 'tlr',
  beta1: 'tb1',
  beta2: 'tb2',
  momentum: 'tmom',
};
const COUNT_KEYS = { trials: 'trials', steps: 'tsteps' } as const;
const LIMITS = { trials: TRIAL_COUNT, steps: TRIAL_STEPS } as const;
const OPTIMIZERS_KEY = 'topt';
export const TUNE_KEYS: readonly string[] = [
  ...Object.values(COUNT_KEYS),
  OPTIMIZERS_KEY,
  ...Object.values(RANGE_KEYS),
];

const isTuneKey = (k: string): k is string => TUNE_KEYS.includes(k);

// As the lab's link: plain decimal or exponent notation, and short.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_TEXT = 64;
const SEPARATOR = '~';

type Notices = (t: Text) => void;

/** A finite decimal, or why not. */
function number(text: string): number | Text {
  if (text.length > MAX_TEXT || !DECIMAL.test(text.trim())) return (m) => m.validation.notNumber;
  const v = Number(text.trim());
  return Number.isFinite(v) ? v : (m) => m.validation.notFinite;
}

function readCount(key: keyof typeof COUNT_KEYS, text: string, add: Notices): number | null {
  const item = show(`${COUNT_KEYS[key]}=${text}`);
  const fallback = String(DEFAULT_FORM[key]);
  const v = number(text);
  if (typeof v !== 'number') return (add((m) => m.links.refused(item, v(m), fallback)), null);
  if (!Number.isInteger(v)) return (add((m) => m.links.refused(item, m.validation.notWhole, fallback)), null);
  return clampInto(item, v, LIMITS[key], add);
}

/** `v` within `limit`, with a notice when it had to move. */
function clampInto(item: string, v: number, limit: Bounds, add: Notices): number {
  const kept = Math.min(limit.max, Math.max(limit.min, v));
  const notice = clampedNotice(item, v, kept);
  if (notice) add(notice);
  return kept;
}

function readRange(key: SpaceKey, text: string, add: Notices): Bounds | null {
  const item = show(`${RANGE_KEYS[key]}=${text}`);
  const d = DEFAULT_FORM.space[key];
  const fallback = `${d.min}${SEPARATOR}${d.max}`;
  const parts = text.split(SEPARATOR);
  if (parts.length !== 2) return (add((m) => m.links.refused(item, m.validation.notRange, fallback)), null);
  const values = parts.map(number);
  const bad = values.find((v): v is Text => typeof v !== 'number');
  if (bad) return (add((m) => m.links.refused(item, bad(m), fallback)), null);
  const [a, b] = values as number[];
  const limit = spaceLimits(key);
  const lo = clampInto(item, a!, limit, add);
  const hi = clampInto(item, b!, limit, add);
  return { min: Math.min(lo, hi), max: Math.max(lo, hi) };
}

function readOptimizers(text: string, add: Notices): OptimizerName[] | null {
  const names = text.split(',');
  const known = OPTIMIZERS.filter((o) => names.includes(o));
  if (known.length === 0 || known.length !== new Set(names).size) {
    const item = show(`${OPTIMIZERS_KEY}=${text}`);
    add((m) =>
      m.links.refused(item, m.validation.notOneOf(OPTIMIZERS), DEFAULT_FORM.space.optimizers.join(',')),
    );
    return null;
  }
  return known;
}

/**
 * The search form out of a hash (or query), and the hash without its keys. The last of repeated keys
 * wins, as for experiment keys; every key it overrides gets a notice.
 */
export function splitTuneKeys(hash: string): { rest: string; form: SearchForm; notices: Text[] } {
  const notices = noticeList();
  const { rest, found } = claimKeys(hash, isTuneKey, notices);
  // No key: the defaults themselves, so the page can tell a link that set up a search.
  if (found.size === 0) return { rest, form: DEFAULT_FORM, notices: notices.done() };
  const form: SearchForm = { ...DEFAULT_FORM, space: { ...DEFAULT_FORM.space } };
  for (const key of ['trials', 'steps'] as const) {
    const text = found.get(COUNT_KEYS[key]);
    const v = text === undefined ? null : readCount(key, text, notices.add);
    if (v !== null) form[key] = v;
  }
  const opt = found.get(OPTIMIZERS_KEY);
  const optimizers = opt === undefined ? null : readOptimizers(opt, notices.add);
  if (optimizers) form.space.optimizers = optimizers;
  for (const key of Object.keys(RANGE_KEYS) as SpaceKey[]) {
    const text = found.get(RANGE_KEYS[key]);
    const range = text === undefined ? null : readRange(key, text, notices.add);
    if (range) form.space[key] = range;
  }
  return { rest, form, notices: notices.done() };
}

/** `hash` with the search form appended; values equal to their defaults are left out. */
export function withTuneKeys(hash: string, form: SearchForm): string {
  const extra: string[] = [];
  for (const key of ['trials', 'steps'] as const)
    if (form[key] !== DEFAULT_FORM[key]) extra.push(`${COUNT_KEYS[key]}=${form[key]}`);
  const space = cleanSpace(form.space);
  const optimizers = space.optimizers.join(',');
  if (optimizers !== DEFAULT_FORM.space.optimizers.join(',')) extra.push(`${OPTIMIZERS_KEY}=${optimizers}`);
  for (const key of Object.keys(RANGE_KEYS) as SpaceKey[]) {
    const b = space[key];
    const d = DEFAULT_FORM.space[key];
    // String(n) is the shortest text that reads back as the same double, in [0-9.e+-] only.
    if (b.min !== d.min || b.max !== d.max) extra.push(`${RANGE_KEYS[key]}=${b.min}${SEPARATOR}${b.max}`);
  }
  if (extra.length === 0) return hash;
  const body = hash.replace(/^#/, '');
  return `#${body === '' ? '' : `${body}&`}${extra.join('&')}`;
}

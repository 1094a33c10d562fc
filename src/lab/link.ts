// The lab's keys in the experiment link (surface, eta, kappa, noise, x0, y0, steps), split off before
// the experiment is parsed and appended when a link is written, like the page keys (config/pageKeys.ts).
// Reading never throws: a bad value keeps its default and says so; defaults are left out when written.
import { claimKeys, noticeList, show } from '../config/linkText';
import { clampedNotice } from '../config/validate';
import type { Text } from '../i18n/text';
import {
  clampLab,
  defaultLab,
  isLabEta,
  labDefault,
  labRange,
  LAB_ETAS,
  LAB_KEYS,
  LAB_NUMBER_KEYS,
  LEGACY_ETA,
  type LabEta,
  type LabKey,
  type LabNumberKey,
  type LabSettings,
} from './settings';
import { isSurfaceName, SURFACES } from './surfaces';

// Plain decimal or exponent notation, as config/validate accepts for run settings: Number() would
// also take '', ' ', '0x1f' and 'Infinity'. The length cap keeps hostile links cheap.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_NUMBER_TEXT = 64;

const isLabKey = (k: string): k is LabKey => (LAB_KEYS as readonly string[]).includes(k);

/** The value of `key` from its link text (clamped into range, with a notice), or null and a notice. */
function readNumber(
  key: LabNumberKey,
  text: string,
  lab: LabSettings,
  add: (t: Text) => void,
): number | null {
  const item = show(`${key}=${text}`);
  const reason = numberProblem(key, text.trim(), lab);
  if (reason) {
    const fallback = String(labDefault(key, lab.surface));
    add((m) => m.links.refused(item, reason(m), fallback));
    return null;
  }
  const value = Number(text.trim());
  const kept = clampLab(key, value, lab.surface)!;
  const notice = clampedNotice(item, value, kept);
  if (notice) add(notice);
  return kept;
}

/** Why `text` is no value for `key` ("is not a number"), or null when it is one (maybe out of range). */
function numberProblem(key: LabNumberKey, text: string, lab: LabSettings): Text | null {
  if (text.length > MAX_NUMBER_TEXT || !DECIMAL.test(text)) return (m) => m.validation.notNumber;
  const value = Number(text);
  if (!Number.isFinite(value)) return (m) => m.validation.notFinite;
  if (labRange(key, lab.surface).integer && !Number.isInteger(value)) return (m) => m.validation.notWhole;
  return null;
}

/**
 * The η a link means when it has no `eta` key: the default for a link without lab keys (a first
 * view), the η each run trains with for one that names others (written before `eta` existed).
 */
const etaWithoutKey = (namesLabKeys: boolean): LabEta => (namesLabKeys ? LEGACY_ETA : defaultLab().eta);

/**
 * The lab settings out of a hash (or query), and the hash without their keys. The last of repeated
 * keys wins, as for experiment keys; every key it overrides gets a notice.
 */
export function splitLabKeys(hash: string): { rest: string; lab: LabSettings; notices: Text[] } {
  const notices = noticeList();
  const { rest, found } = claimKeys(hash, isLabKey, notices);
  // The surface first: it decides the start's default and range.
  const surfaceText = found.get('surface');
  let lab = defaultLab();
  if (surfaceText !== undefined) {
    if (isSurfaceName(surfaceText)) lab = defaultLab(surfaceText);
    else {
      const item = show(`surface=${surfaceText}`);
      notices.add((m) => m.links.refused(item, m.validation.notOneOf(SURFACES), lab.surface));
    }
  }
  lab.eta = etaWithoutKey([...found.keys()].some((key) => key !== 'eta'));
  const etaText = found.get('eta');
  if (etaText !== undefined) {
    if (isLabEta(etaText)) lab.eta = etaText;
    else {
      const item = show(`eta=${etaText}`);
      notices.add((m) => m.links.refused(item, m.validation.notOneOf(LAB_ETAS), lab.eta));
    }
  }
  for (const key of LAB_NUMBER_KEYS) {
    const text = found.get(key);
    if (text === undefined) continue;
    const value = readNumber(key, text, lab, notices.add);
    if (value !== null) lab[key] = value;
  }
  return { rest, lab, notices: notices.done() };
}

/**
 * `hash` with the lab's settings appended; values equal to their defaults are left out, and `eta`
 * when the reader would take the same η without it (so a lesson's link is written back as it was).
 */
export function withLabKeys(hash: string, lab: LabSettings): string {
  const surface = lab.surface !== defaultLab().surface ? [`surface=${lab.surface}`] : [];
  // String(n) is the shortest text that reads back as the same double, in [0-9.e+-] only.
  const numbers = LAB_NUMBER_KEYS.filter((key) => !Object.is(lab[key], labDefault(key, lab.surface))).map(
    (key) => `${key}=${String(lab[key])}`,
  );
  const eta = lab.eta !== etaWithoutKey(surface.length + numbers.length > 0) ? [`eta=${lab.eta}`] : [];
  const extra = [...surface, ...eta, ...numbers];
  if (extra.length === 0) return hash;
  const body = hash.replace(/^#/, '');
  return `#${body === '' ? '' : `${body}&`}${extra.join('&')}`;
}

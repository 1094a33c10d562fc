// One run's `run=` value in an experiment link (format described in link.ts). Parsing never throws:
// every field that cannot be used falls back to a default and reports a notice through `note`.
import { FIELDS } from '../config/schema';
import { decode, encodeValue, show } from '../config/linkText';
import { parseText } from '../config/validate';
import {
  MAX_TIMELINE_ENTRIES,
  cleanName,
  defaultRunColor,
  defaultRunName,
  defaultSettings,
  isStep,
  sortTimeline,
} from './runs';
import {
  LIVE_KEYS,
  liveChange,
  type LiveKey,
  type RunConfig,
  type RunSettings,
  type TimelineEntry,
} from '../shared/settings';
import type { RunSpec } from './types';
import type { Text } from '../i18n/text';

/** Where parseRun reports what it could not use. */
type Note = (sentence: Text) => void;

/** `note` for sentences about run number `run`, which it prefixes with "Run 2: ". */
function inRunOf(run: number, note: Note): Note {
  return (sentence) => note((m) => m.links.inRun(run, sentence(m)));
}

/** Positional settings in a run; frozen here (not LIVE_KEYS) because links depend on this order. */
export const SETTING_ORDER: readonly LiveKey[] = [
  'optimizer',
  'learningRate',
  'beta1',
  'beta2',
  'epsilon',
  'momentum',
  'nesterov',
];
/**
 * Live settings added after the positional order was frozen: one flag letter each in the last field,
 * present when the setting is off (its default is on), so old links read as before.
 */
export const SETTING_FLAGS = { biasCorrection: 'u' } as const satisfies Partial<Record<LiveKey, string>>;
/**
 * Live settings added later still: `<urlKey>.<value>` items joined by `_` in a field after the flags,
 * only those that differ from their default (a run without them ends at the flags, as before).
 */
export const SETTING_ITEMS: readonly LiveKey[] = ['weightDecay', 'schedule', 'warmup', 'gamma'];
const HIDDEN_FLAG = 'h';
const TIMELINE_PART = 2 + SETTING_ORDER.length;
const FLAGS_PART = TIMELINE_PART + 1;
const ITEMS_PART = FLAGS_PART + 1;
const ITEM = /^([A-Za-z0-9]{1,16})\.(.*)$/s;
const LIVE_BY_URL_KEY = new Map<string, LiveKey>(LIVE_KEYS.map((k) => [FIELDS[k].urlKey, k]));
const ENTRY = /^(\d{1,10})\.([A-Za-z0-9]{1,16})\.(.*)$/s;
const HEX6 = /^[0-9A-Fa-f]{6}$/;
/** encodeURIComponent leaves `~` alone, but here it separates fields. */
function encodeName(name: string): string {
  return encodeURIComponent(cleanName(name, '').name).replace(/~/g, '%7E');
}

export function encodeRun(run: RunSpec): string {
  const color = HEX6.test(run.color.slice(1)) && run.color.startsWith('#') ? run.color.slice(1) : '';
  const settings = SETTING_ORDER.map((k) => encodeValue(run.initial[k]));
  const timeline = run.timeline.map((e) => `${e.step}.${FIELDS[e.key].urlKey}.${encodeValue(e.value)}`);
  const parts = [encodeName(run.name), color, ...settings, timeline.join('_')];
  const flags =
    (run.hidden ? HIDDEN_FLAG : '') + (run.initial.biasCorrection ? '' : SETTING_FLAGS.biasCorrection);
  const items = SETTING_ITEMS.filter((k) => run.initial[k] !== FIELDS[k].default)
    .map((k) => `${FIELDS[k].urlKey}.${encodeValue(run.initial[k])}`)
    .join('_');
  if (items !== '') parts.push(flags, items);
  else if (flags !== '') parts.push(flags);
  return parts.join('~');
}

/** Reads the later settings' field into `initial`; an item it cannot use keeps the default, with a notice. */
function parseItems(text: string, initial: RunSettings, inRun: Note): void {
  const seen = new Set<LiveKey>();
  for (const item of text.split('_').filter((t) => t !== '')) {
    const parts = ITEM.exec(item);
    const key = parts === null ? undefined : LIVE_BY_URL_KEY.get(parts[1] ?? '');
    const shown = show(item);
    if (parts === null || key === undefined || !SETTING_ITEMS.includes(key) || seen.has(key)) {
      inRun((m) => m.links.unknownSetting(shown));
      continue;
    }
    seen.add(key);
    const text = decode(parts[2] ?? '');
    const r = text === null ? null : parseText(key, text);
    const fallback = encodeValue(FIELDS[key].default);
    if (r === null) inRun((m) => m.links.refused(shown, m.links.notEncoded, fallback));
    else if (!r.ok) {
      const { reason } = r;
      inRun((m) => m.links.refused(shown, reason(m), fallback));
    } else {
      setSetting(initial, key, r.value);
      const { note: clamp } = r;
      if (clamp !== undefined) inRun((m) => m.links.clamped(shown, clamp(m)));
    }
  }
}

function setSetting<K extends LiveKey>(settings: RunSettings, key: K, value: RunConfig[K]): void {
  settings[key] = value;
}

function parseEntry(text: string, inRun: Note): TimelineEntry | null {
  const change = show(text);
  const parts = ENTRY.exec(text);
  if (parts === null) {
    inRun((m) => m.links.changeShape(change));
    return null;
  }
  const [, stepText = '', keyText = '', rawValue = ''] = parts;
  const step = Number(stepText);
  if (!isStep(step)) {
    inRun((m) => m.links.changeStep(change));
    return null;
  }
  const key = LIVE_BY_URL_KEY.get(keyText);
  if (key === undefined) {
    const shownKey = show(keyText);
    inRun((m) => m.links.changeKey(change, shownKey));
    return null;
  }
  const valueText = decode(rawValue);
  const r = valueText === null ? null : parseText(key, valueText);
  if (r === null || !r.ok) {
    const reason: Text = r === null ? (m) => m.links.notEncoded : r.reason;
    inRun((m) => m.links.changeValue(change, reason(m)));
    return null;
  }
  const { note: clamp } = r;
  if (clamp !== undefined) inRun((m) => m.links.changeClamped(change, clamp(m)));
  return { ...liveChange(key, r.value), step };
}

/** Reads one `run=` value; `index` is its position, which picks the default colour. */
export function parseRun(rawValue: string, index: number, note: Note): RunSpec {
  const run = index + 1;
  const inRun = inRunOf(run, note);
  let raw = rawValue;
  // Some tools percent-encode `~` in the whole URL; the name is encoded inside, so decoding once
  // restores the original text.
  if (!raw.includes('~') && /%7E/i.test(raw)) raw = decode(raw) ?? raw;
  const parts = raw.split('~');
  const part = (i: number) => parts[i] ?? '';

  const initial = defaultSettings();
  const missing = SETTING_ORDER.filter((_, j) => parts[2 + j] === undefined || parts[2 + j] === '');
  if (missing.length > 0) {
    const keys = missing.map((k) => FIELDS[k].urlKey);
    note((m) => m.links.runMissing(run, keys));
  }
  SETTING_ORDER.forEach((key, j) => {
    const text = decode(part(2 + j));
    if (text === '') return;
    const r = text === null ? null : parseText(key, text);
    const fallback = encodeValue(FIELDS[key].default);
    const item = `${FIELDS[key].urlKey}=${show(text ?? part(2 + j))}`;
    if (r === null) inRun((m) => m.links.refused(item, m.links.notEncoded, fallback));
    else if (!r.ok) {
      const { reason } = r;
      inRun((m) => m.links.refused(item, reason(m), fallback));
    } else {
      setSetting(initial, key, r.value);
      const { note: clamp } = r;
      if (clamp !== undefined) inRun((m) => m.links.clamped(item, clamp(m)));
    }
  });

  const defaultName = defaultRunName(initial.optimizer);
  const nameText = decode(part(0));
  let name = defaultName;
  if (nameText === null) inRun((m) => m.links.nameNotEncoded(defaultName));
  else if (nameText !== '') {
    const cleaned = cleanName(nameText, defaultName);
    name = cleaned.name;
    if (cleaned.changed) inRun((m) => m.links.nameCleaned);
  }

  let color = defaultRunColor(index);
  if (HEX6.test(part(1))) color = `#${part(1)}`;
  else if (part(1) !== '') {
    const shown = show(part(1));
    const fallback = color;
    inRun((m) => m.links.badColour(shown, fallback));
  }

  const entries: TimelineEntry[] = [];
  const texts = part(TIMELINE_PART)
    .split('_')
    .filter((t) => t !== '');
  if (texts.length > MAX_TIMELINE_ENTRIES) {
    const total = texts.length;
    inRun((m) => m.links.tooManyChanges(MAX_TIMELINE_ENTRIES, total));
  }
  for (const text of texts.slice(0, MAX_TIMELINE_ENTRIES)) {
    const entry = parseEntry(text, inRun);
    if (entry !== null) entries.push(entry);
  }
  const timeline = sortTimeline(entries);
  if (timeline.some((e, i) => e !== entries[i])) inRun((m) => m.links.changesSorted);

  const flags = part(FLAGS_PART);
  const known: string[] = [HIDDEN_FLAG, SETTING_FLAGS.biasCorrection];
  const unknown = [...flags].filter((f) => !known.includes(f)).join('');
  if (unknown !== '') {
    const shown = show(unknown);
    inRun((m) => m.links.unknownFlag(shown));
  }
  if (flags.includes(SETTING_FLAGS.biasCorrection)) initial.biasCorrection = false;
  parseItems(part(ITEMS_PART), initial, inRun);
  const extra = parts.length - ITEMS_PART - 1;
  if (extra > 0) inRun((m) => m.links.extraFields(extra));

  return { id: `r${index + 1}`, name, color, hidden: flags.includes(HIDDEN_FLAG), initial, timeline };
}

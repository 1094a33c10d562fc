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
  liveChange,
  type LiveKey,
  type RunConfig,
  type RunSettings,
  type TimelineEntry,
} from '../shared/settings';
import type { RunSpec } from './types';

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
const TIMELINE_PART = 2 + SETTING_ORDER.length;
const FLAGS_PART = TIMELINE_PART + 1;
const LIVE_BY_URL_KEY = new Map<string, LiveKey>(SETTING_ORDER.map((k) => [FIELDS[k].urlKey, k]));
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
  if (run.hidden) parts.push('h');
  return parts.join('~');
}

function setSetting<K extends LiveKey>(settings: RunSettings, key: K, value: RunConfig[K]): void {
  settings[key] = value;
}

function parseEntry(text: string, where: string, note: (s: string) => void): TimelineEntry | null {
  const m = ENTRY.exec(text);
  if (m === null) {
    note(`${where}: ignored the change "${show(text)}": it is not step.setting.value.`);
    return null;
  }
  const [, stepText = '', keyText = '', rawValue = ''] = m;
  const step = Number(stepText);
  if (!isStep(step)) {
    note(`${where}: ignored the change "${show(text)}": the step is out of range.`);
    return null;
  }
  const key = LIVE_BY_URL_KEY.get(keyText);
  if (key === undefined) {
    note(`${where}: ignored the change "${show(text)}": "${show(keyText)}" is not a live setting.`);
    return null;
  }
  const valueText = decode(rawValue);
  const r = valueText === null ? null : parseText(key, valueText);
  if (r === null || !r.ok) {
    const reason = r === null ? 'is not valid percent-encoding' : r.reason;
    note(`${where}: ignored the change "${show(text)}": the value ${reason}.`);
    return null;
  }
  if (r.note !== undefined) note(`${where}: the change "${show(text)}" ${r.note}.`);
  return { ...liveChange(key, r.value), step };
}

/** Reads one `run=` value; `index` is its position, which picks the default colour. */
export function parseRun(rawValue: string, index: number, note: (s: string) => void): RunSpec {
  const where = `Run ${index + 1}`;
  let raw = rawValue;
  // Some tools percent-encode `~` in the whole URL; the name is encoded inside, so decoding once
  // restores the original text.
  if (!raw.includes('~') && /%7E/i.test(raw)) raw = decode(raw) ?? raw;
  const parts = raw.split('~');
  const part = (i: number) => parts[i] ?? '';

  const initial = defaultSettings();
  const missing = SETTING_ORDER.filter((_, j) => parts[2 + j] === undefined || parts[2 + j] === '');
  if (missing.length > 0) {
    note(`${where} does not give ${missing.map((k) => FIELDS[k].urlKey).join(', ')}; using the defaults.`);
  }
  SETTING_ORDER.forEach((key, j) => {
    const text = decode(part(2 + j));
    if (text === '') return;
    const r = text === null ? null : parseText(key, text);
    const fallback = `using the default ${encodeValue(FIELDS[key].default)}`;
    const item = `"${FIELDS[key].urlKey}=${show(text ?? part(2 + j))}"`;
    if (r === null) note(`${where}: ${item} is not valid percent-encoding; ${fallback}.`);
    else if (!r.ok) note(`${where}: ${item} ${r.reason}; ${fallback}.`);
    else {
      setSetting(initial, key, r.value);
      if (r.note !== undefined) note(`${where}: ${item} ${r.note}.`);
    }
  });

  const defaultName = defaultRunName(initial.optimizer);
  const nameText = decode(part(0));
  let name = defaultName;
  if (nameText === null) note(`${where}: the name is not valid percent-encoding; using "${defaultName}".`);
  else if (nameText !== '') {
    const cleaned = cleanName(nameText, defaultName);
    name = cleaned.name;
    if (cleaned.changed)
      note(`${where}: the name was too long or had unusable characters; it was shortened or cleaned.`);
  }

  let color = defaultRunColor(index);
  if (HEX6.test(part(1))) color = `#${part(1)}`;
  else if (part(1) !== '')
    note(`${where}: the colour "${show(part(1))}" is not 6 hex digits; using ${color}.`);

  const entries: TimelineEntry[] = [];
  const texts = part(TIMELINE_PART)
    .split('_')
    .filter((t) => t !== '');
  if (texts.length > MAX_TIMELINE_ENTRIES) {
    note(`${where}: kept the first ${MAX_TIMELINE_ENTRIES} of ${texts.length} changes.`);
  }
  for (const text of texts.slice(0, MAX_TIMELINE_ENTRIES)) {
    const entry = parseEntry(text, where, note);
    if (entry !== null) entries.push(entry);
  }
  const timeline = sortTimeline(entries);
  if (timeline.some((e, i) => e !== entries[i]))
    note(`${where}: the changes were not in step order; sorted them.`);

  const flags = part(FLAGS_PART);
  if (flags !== '' && flags !== 'h') note(`${where}: ignored the unknown flag "${show(flags)}".`);
  if (parts.length > FLAGS_PART + 1) note(`${where}: ignored ${parts.length - FLAGS_PART - 1} extra fields.`);

  return { id: `r${index + 1}`, name, color, hidden: flags === 'h', initial, timeline };
}

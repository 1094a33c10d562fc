// Strict validation of an export file (imported, or read back from IndexedDB). Never throws: any
// problem becomes one sentence naming what is wrong. Unknown extra fields are ignored (a newer page
// may add some); everything returned is rebuilt from the known fields only.
import { FIELDS } from '../config/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type RunRecord } from './exportTypes';
import {
  Refusal,
  checkEval,
  checkPoint,
  checkTrainingEval,
  forbiddenKey,
  isObject,
  nestsDeeperThan,
  own,
  refuse,
  refuseWith,
  series,
} from './importParts';
import { MAX_TIMELINE_ENTRIES, isRunColor, isRunName, isStep, settingProblem } from './runs';
import {
  LIVE_KEYS,
  SHARED_KEYS,
  isLiveKey,
  type LiveKey,
  type RunSettings,
  type SharedSettings,
  type TimelineEntry,
} from '../shared/settings';
import { MAX_RUNS, type RunSpec } from './types';
import type { Text } from '../i18n/text';

/** `error` is one sentence naming what is wrong, rendered in the page's language when shown. */
export type ImportResult = { ok: true; file: ExportFile } | { ok: false; error: Text };

const MAX_IMPORT_MB = 50;
/** Checked on the file's size before it is read, so a huge file is refused without reading it. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
/** The same cap on text that did not come from a file: a UTF-8 file has at least as many bytes as characters. */
export const MAX_IMPORT_CHARS = MAX_IMPORT_BYTES;
const TOO_LARGE: Text = (m) => m.imports.tooLarge(MAX_IMPORT_MB);
/**
 * An export nests 6 deep at most (file → runs → run → spec → timeline → change); 2 spare levels
 * leave room for fields a newer page may add. Deeper text is refused before JSON.parse.
 */
export const MAX_IMPORT_NESTING = 8;
const TOO_DEEP: Text = (m) => m.imports.tooDeep(MAX_IMPORT_NESTING);
const MAX_ID_LENGTH = 64;
const UNREADABLE: Text = (m) => m.imports.unreadable;

/** Why a stored setting cannot be used, "is missing" included. */
function problemOf(key: keyof SharedSettings | LiveKey, value: unknown): Text | null {
  return value === undefined ? (m) => m.validation.missing : settingProblem(key, value);
}

/**
 * Shared settings added after export version 1 (model choice): a file or kept run without them
 * trained the reference network, so it reads as mlp-128 with ReLU.
 */
const LATER_SHARED = new Set<keyof SharedSettings>(['model', 'activation']);

function checkShared(v: unknown): SharedSettings {
  if (!isObject(v)) refuse((m) => m.imports.noShared);
  const shared = {} as Record<keyof SharedSettings, unknown>;
  for (const key of SHARED_KEYS) {
    const value = LATER_SHARED.has(key) && !Object.hasOwn(v, key) ? FIELDS[key].default : own(v, key);
    const problem = problemOf(key, value);
    if (problem !== null) refuse((m) => m.imports.sharedSetting(m.settings.fields[key], problem(m)));
    shared[key] = value;
  }
  return shared as SharedSettings;
}

function checkEntry(v: unknown, where: Text): TimelineEntry {
  if (!isObject(v)) refuse((m) => m.imports.notObject(where(m)));
  const [step, key, value] = ['step', 'key', 'value'].map((k) => own(v, k));
  if (!isStep(step)) refuseWith(step, (m, shown) => m.imports.badStep(where(m), shown));
  if (typeof key !== 'string' || !isLiveKey(key))
    refuseWith(key, (m, shown) => m.imports.unknownSetting(where(m), shown));
  const problem = settingProblem(key, value);
  if (problem !== null) refuse((m) => m.imports.changeSetting(where(m), m.settings.fields[key], problem(m)));
  // settingProblem accepted exactly this value for this key.
  return { step, key, value } as TimelineEntry;
}

/** Live settings added after export version 1; a file without them gets their default. */
const LATER_SETTINGS = { biasCorrection: true } as const;

function checkSpec(v: unknown, where: Text): RunSpec {
  if (!isObject(v)) refuse((m) => m.imports.noSpec(where(m)));
  const [id, name, color, hidden] = ['id', 'name', 'color', 'hidden'].map((k) => own(v, k));
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH)
    refuse((m) => m.imports.noId(where(m)));
  if (typeof name !== 'string') refuse((m) => m.imports.nameNotText(where(m)));
  if (!isRunName(name)) refuse((m) => m.imports.badName(where(m)));
  if (!isRunColor(color)) refuseWith(color, (m, shown) => m.imports.badColour(where(m), shown));
  if (typeof hidden !== 'boolean') refuse((m) => m.imports.badHidden(where(m)));
  const init = own(v, 'initial');
  if (!isObject(init)) refuse((m) => m.imports.noInitial(where(m)));
  const initial = {} as Record<LiveKey, unknown>;
  for (const key of LIVE_KEYS) {
    // Files exported before a setting existed lack it: they trained with its default.
    const value = key in LATER_SETTINGS && !Object.hasOwn(init, key) ? FIELDS[key].default : own(init, key);
    const problem = problemOf(key, value);
    if (problem !== null)
      refuse((m) => m.imports.initialSetting(where(m), m.settings.fields[key], problem(m)));
    initial[key] = value;
  }
  const raw = own(v, 'timeline');
  if (!Array.isArray(raw)) refuse((m) => m.imports.noTimeline(where(m)));
  if (raw.length > MAX_TIMELINE_ENTRIES)
    refuse((m) => m.imports.tooManyChanges(where(m), MAX_TIMELINE_ENTRIES));
  const timeline = raw.map((e: unknown, n) => checkEntry(e, (m) => m.imports.change(where(m), n + 1)));
  if (timeline.some((e, n) => n > 0 && e.step < (timeline[n - 1]?.step ?? 0))) {
    refuse((m) => m.imports.changesUnsorted(where(m)));
  }
  return { id, name, color, hidden, initial: initial as RunSettings, timeline };
}

function checkRun(v: unknown, where: Text): RunRecord {
  if (!isObject(v)) refuse((m) => m.imports.notObject(where(m)));
  const spec = checkSpec(own(v, 'spec'), where);
  const points = series(own(v, 'points'), where, 'points', checkPoint);
  const validation = series(own(v, 'validation'), where, 'validation', checkEval);
  // Only in files of small training sets, evaluated whole.
  const training = Object.hasOwn(v, 'training')
    ? { training: series(own(v, 'training'), where, 'training', checkTrainingEval) }
    : {};
  const test = own(v, 'test');
  const testWhere: Text = (m) => m.imports.testResult(where(m));
  return { spec, points, validation, ...training, test: test === null ? null : checkEval(test, testWhere) };
}

function checkFile(v: unknown): ExportFile {
  if (!isObject(v)) refuse((m) => m.imports.notObjectFile);
  const format = own(v, 'format');
  if (format === undefined) refuse((m) => m.imports.noFormat);
  if (format !== EXPORT_FORMAT) refuseWith(format, (m, shown) => m.imports.wrongFormat(shown));
  const version = own(v, 'version');
  if (version !== EXPORT_VERSION)
    refuseWith(version, (m, shown) => m.imports.wrongVersion(shown, EXPORT_VERSION));
  const key = forbiddenKey(v);
  if (key !== null) refuse((m) => m.imports.forbiddenKey(key));
  const exportedAt = own(v, 'exportedAt');
  if (typeof exportedAt !== 'string') refuse((m) => m.imports.noDate);
  const shared = checkShared(own(v, 'shared'));
  const raw = own(v, 'runs');
  if (!Array.isArray(raw)) refuse((m) => m.imports.noRuns);
  if (raw.length === 0) refuse((m) => m.imports.emptyRuns);
  // Refused rather than cut: silently dropping runs would make a comparison look complete.
  const count = raw.length;
  if (count > MAX_RUNS) refuse((m) => m.imports.tooManyRuns(count, MAX_RUNS));
  const runs = raw.map((r: unknown, i) => checkRun(r, (m) => m.imports.run(i + 1)));
  const ids = runs.map((r) => r.spec.id);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) {
    const first = ids.indexOf(ids[dup] ?? '') + 1;
    refuseWith(ids[dup], (m, shown) => m.imports.sameId(first, dup + 1, shown));
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, shared, runs };
}

/** Validates an already-parsed export (e.g. what IndexedDB returned). */
export function checkExportFile(value: unknown): ImportResult {
  try {
    return { ok: true, file: checkFile(value) };
  } catch (e) {
    // Anything else (a getter, a proxy, a stack overflow) still must not escape.
    return { ok: false, error: e instanceof Refusal ? e.text : UNREADABLE };
  }
}

/** Parses and validates the text of an export file. */
export function parseImport(text: string): ImportResult {
  if (typeof text !== 'string') return { ok: false, error: (m) => m.imports.notText };
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: TOO_LARGE };
  if (nestsDeeperThan(text, MAX_IMPORT_NESTING)) return { ok: false, error: TOO_DEEP };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: (m) => m.imports.notJson };
  }
  return checkExportFile(value);
}

/** Reads and validates a chosen file; an oversized one is refused by its size, before any reading. */
export async function readImport(file: Pick<Blob, 'size' | 'text'>): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: TOO_LARGE };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: UNREADABLE };
  }
  return parseImport(text);
}

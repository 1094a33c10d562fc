// Strict validation of an export file (imported, or read back from IndexedDB). Never throws: any
// problem becomes one sentence naming what is wrong. Unknown extra fields are ignored (a newer page
// may add some); everything returned is rebuilt from the known fields only.
import { FIELDS } from '../config/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type RunRecord } from './exportTypes';
import {
  Refusal,
  checkEval,
  checkPoint,
  forbiddenKey,
  isObject,
  nestsDeeperThan,
  own,
  refuse,
  series,
  showValue,
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

export type ImportResult = { ok: true; file: ExportFile } | { ok: false; error: string };

const MAX_IMPORT_MB = 50;
/** Checked on the file's size before it is read, so a huge file is refused without reading it. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
/** The same cap on text that did not come from a file: a UTF-8 file has at least as many bytes as characters. */
export const MAX_IMPORT_CHARS = MAX_IMPORT_BYTES;
const TOO_LARGE = `This file is too large to import (over ${MAX_IMPORT_MB} MB).`;
/**
 * An export nests 6 deep at most (file → runs → run → spec → timeline → change); 2 spare levels
 * leave room for fields a newer page may add. Deeper text is refused before JSON.parse.
 */
export const MAX_IMPORT_NESTING = 8;
const TOO_DEEP = `This file nests lists or objects more than ${MAX_IMPORT_NESTING} levels deep, deeper than any export.`;
const MAX_ID_LENGTH = 64;

function checkShared(v: unknown): SharedSettings {
  if (!isObject(v)) refuse('The file has no shared settings ("shared").');
  const shared = {} as Record<keyof SharedSettings, unknown>;
  for (const key of SHARED_KEYS) {
    const value = own(v, key);
    const problem = value === undefined ? 'is missing' : settingProblem(key, value);
    if (problem !== null) refuse(`The shared setting "${FIELDS[key].label}" ${problem}.`);
    shared[key] = value;
  }
  return shared as SharedSettings;
}

function checkEntry(v: unknown, where: string): TimelineEntry {
  if (!isObject(v)) refuse(`${where} is not an object.`);
  const [step, key, value] = ['step', 'key', 'value'].map((k) => own(v, k));
  if (!isStep(step)) refuse(`${where} has an invalid step (${showValue(step)}).`);
  if (typeof key !== 'string' || !isLiveKey(key))
    refuse(`${where} changes an unknown setting ${showValue(key)}.`);
  const problem = settingProblem(key, value);
  if (problem !== null) refuse(`${where} (${FIELDS[key].label}) ${problem}.`);
  // settingProblem accepted exactly this value for this key.
  return { step, key, value } as TimelineEntry;
}

function checkSpec(v: unknown, where: string): RunSpec {
  if (!isObject(v)) refuse(`${where} has no run settings ("spec").`);
  const [id, name, color, hidden] = ['id', 'name', 'color', 'hidden'].map((k) => own(v, k));
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH)
    refuse(`${where} has no valid id.`);
  if (typeof name !== 'string') refuse(`${where}'s name is missing or not text.`);
  if (!isRunName(name)) refuse(`${where}'s name is empty, too long or has unusable characters.`);
  if (!isRunColor(color)) refuse(`${where}'s colour ${showValue(color)} is not a hex colour like "#0072B2".`);
  if (typeof hidden !== 'boolean') refuse(`${where}'s "hidden" is not true or false.`);
  const init = own(v, 'initial');
  if (!isObject(init)) refuse(`${where}'s initial settings are missing.`);
  const initial = {} as Record<LiveKey, unknown>;
  for (const key of LIVE_KEYS) {
    const value = own(init, key);
    const problem = value === undefined ? 'is missing' : settingProblem(key, value);
    if (problem !== null) refuse(`${where}'s initial setting "${FIELDS[key].label}" ${problem}.`);
    initial[key] = value;
  }
  const raw = own(v, 'timeline');
  if (!Array.isArray(raw)) refuse(`${where}'s timeline is missing or not a list.`);
  if (raw.length > MAX_TIMELINE_ENTRIES) refuse(`${where} has more than ${MAX_TIMELINE_ENTRIES} changes.`);
  const timeline = raw.map((e: unknown, i) => checkEntry(e, `${where}'s change ${i + 1}`));
  if (timeline.some((e, i) => i > 0 && e.step < (timeline[i - 1]?.step ?? 0))) {
    refuse(`${where}'s changes are not sorted by step.`);
  }
  return { id, name, color, hidden, initial: initial as RunSettings, timeline };
}

function checkRun(v: unknown, where: string): RunRecord {
  if (!isObject(v)) refuse(`${where} is not an object.`);
  const spec = checkSpec(own(v, 'spec'), where);
  const points = series(own(v, 'points'), where, 'points', checkPoint);
  const validation = series(own(v, 'validation'), where, 'validation results', checkEval);
  const test = own(v, 'test');
  return { spec, points, validation, test: test === null ? null : checkEval(test, `${where}'s test result`) };
}

function checkFile(v: unknown): ExportFile {
  if (!isObject(v)) refuse('This file is not a playground export (it is not a JSON object).');
  const format = own(v, 'format');
  if (format === undefined) refuse('This file is not a playground export (it has no "format").');
  if (format !== EXPORT_FORMAT)
    refuse(`This file is not a playground export (format is ${showValue(format)}).`);
  const version = own(v, 'version');
  if (version !== EXPORT_VERSION) {
    refuse(
      `This export's version ${showValue(version)} is not supported; this page reads version ${EXPORT_VERSION}.`,
    );
  }
  const key = forbiddenKey(v);
  if (key !== null) refuse(`The file contains the key "${key}", which is not allowed.`);
  const exportedAt = own(v, 'exportedAt');
  if (typeof exportedAt !== 'string') refuse('The file has no export date ("exportedAt").');
  const shared = checkShared(own(v, 'shared'));
  const raw = own(v, 'runs');
  if (!Array.isArray(raw)) refuse('The file\'s "runs" is missing or not a list.');
  if (raw.length === 0) refuse('The file holds no runs.');
  // Refused rather than cut: silently dropping runs would make a comparison look complete.
  if (raw.length > MAX_RUNS)
    refuse(`The file holds ${raw.length} runs, but at most ${MAX_RUNS} can be compared.`);
  const runs = raw.map((r: unknown, i) => checkRun(r, `Run ${i + 1}`));
  const ids = runs.map((r) => r.spec.id);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0)
    refuse(`Runs ${ids.indexOf(ids[dup] ?? '') + 1} and ${dup + 1} have the same id ${showValue(ids[dup])}.`);
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, shared, runs };
}

/** Validates an already-parsed export (e.g. what IndexedDB returned). */
export function checkExportFile(value: unknown): ImportResult {
  try {
    return { ok: true, file: checkFile(value) };
  } catch (e) {
    // Anything else (a getter, a proxy, a stack overflow) still must not escape.
    return { ok: false, error: e instanceof Refusal ? e.message : 'This file could not be read.' };
  }
}

/** Parses and validates the text of an export file. */
export function parseImport(text: string): ImportResult {
  if (typeof text !== 'string') return { ok: false, error: 'This file could not be read as text.' };
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: TOO_LARGE };
  if (nestsDeeperThan(text, MAX_IMPORT_NESTING)) return { ok: false, error: TOO_DEEP };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON.' };
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
    return { ok: false, error: 'This file could not be read.' };
  }
  return parseImport(text);
}

// Building blocks of the export-file validator: own-property access, the refusal it throws
// internally, the nesting and prototype-pollution scans, and the checks for a run's metric series.
import type { EvalPoint, MetricPoint, TrainingEval } from '../shared/metrics';
import { show } from '../config/linkText';
import { isStep } from './runs';
import type { MetricName, SeriesKind } from '../i18n/catalogue/imports';
import type { Messages } from '../i18n/messages';
import type { Text } from '../i18n/text';

// Keys that could reach Object.prototype if some later code merged the data into another object.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NON_FINITE = new Map([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
]);

/** Thrown inside the validator only; checkExportFile turns it into `{ ok: false, error }`. */
export class Refusal extends Error {
  constructor(readonly text: Text) {
    // The sentence is rendered later, in the page's language; the message is only for a debugger.
    super('import refused');
  }
}
export function refuse(text: Text): never {
  throw new Refusal(text);
}
/**
 * Refuses with a sentence quoting `value` from the file. The quote is made now, so the refusal holds
 * a short string rather than a reference to (possibly large) parsed data, and rendering stays cheap.
 */
export function refuseWith(value: unknown, sentence: (m: Messages, shown: string) => string): never {
  const shown = showValue(value);
  refuse((m) => sentence(m, shown(m)));
}

export type Obj = Record<string, unknown>;
export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Own properties only: a missing "constructor" must not be read from Object.prototype. */
export function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}
/** A value from the file as JSON text (so "1" and 1 differ), cut like link text for one sentence. */
export function showValue(v: unknown): Text {
  if (v === undefined) return (m) => m.imports.missingValue;
  // JSON.stringify returns undefined for functions and symbols, which only a hand-built object holds.
  const text = show(JSON.stringify(v) ?? String(v));
  return () => text;
}

/**
 * Whether JSON text nests objects and lists more than `limit` deep, found in one pass over the text
 * before JSON.parse builds anything. Brackets inside strings do not count; a backslash in a string
 * escapes the next character, so `"\\"` ends its string but `"\""` does not.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > limit) return true;
    }
    // Never below zero, so stray closers cannot hide the openers after them.
    else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return false;
}

/** Iterative, so a deeply nested hostile file cannot overflow the stack. */
export function forbiddenKey(root: unknown): string | null {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((v as Obj)[key]);
    }
  }
  return null;
}

/** A metric: a number, or one of the strings JSON export writes for NaN and ±Infinity. */
function metric(o: Obj, key: MetricName, where: Text, field: string = key): number {
  const v = own(o, field);
  if (typeof v === 'number') return v;
  const n = typeof v === 'string' ? NON_FINITE.get(v) : undefined;
  if (n === undefined)
    refuseWith(v, (m, shown) => m.imports.notMetric(where(m), m.imports.metric[key], shown));
  return n;
}

/** `where` names the result in the sentence, e.g. "Run 1's test result". */
export function checkEval(v: unknown, where: Text): EvalPoint {
  if (!isObject(v)) refuse((m) => m.imports.notObject(where(m)));
  const step = own(v, 'step');
  // Step 0 is an evaluation before any training.
  if (!(step === 0 || isStep(step))) refuseWith(step, (m, shown) => m.imports.badStep(where(m), shown));
  return { step, loss: metric(v, 'loss', where), accuracy: metric(v, 'accuracy', where) };
}

export function checkPoint(v: unknown, where: Text): MetricPoint {
  const { step, loss, accuracy } = checkEval(v, where);
  const epoch = own(v as Obj, 'epoch');
  if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0)
    refuseWith(epoch, (m, shown) => m.imports.badEpoch(where(m), shown));
  // η_t: absent in files from before schedules.
  if (!Object.hasOwn(v as Obj, 'lr')) return { step, epoch, loss, accuracy };
  const lr = own(v as Obj, 'lr');
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0)
    refuseWith(lr, (m, shown) => m.imports.badRate(where(m), shown));
  return { step, epoch, loss, accuracy, lr };
}

/** A whole-training-set result: an evaluation, with the true labels' loss and accuracy (label noise). */
export function checkTrainingEval(v: unknown, where: Text): TrainingEval {
  const point = checkEval(v, where);
  const o = v as Obj;
  if (!Object.hasOwn(o, 'trueLoss') && !Object.hasOwn(o, 'trueAccuracy')) return point;
  return {
    ...point,
    trueLoss: metric(o, 'loss', where, 'trueLoss'),
    trueAccuracy: metric(o, 'accuracy', where, 'trueAccuracy'),
  };
}

/** One of a run's metric series (`run` names the run), each item checked and steps strictly rising. */
export function series<T extends { step: number }>(
  v: unknown,
  run: Text,
  kind: SeriesKind,
  check: (x: unknown, where: Text) => T,
): T[] {
  if (!Array.isArray(v)) refuse((m) => m.imports.seriesMissing(run(m), m.imports.series[kind]));
  const out = v.map((x: unknown, i) =>
    check(x, (m) => m.imports.seriesItem(run(m), m.imports.item[kind], i + 1)),
  );
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]?.step ?? -1;
    const step = out[i]?.step ?? 0;
    if (step <= prev) refuse((m) => m.imports.seriesUnsorted(run(m), m.imports.series[kind], step, prev));
  }
  return out;
}

// Building blocks of the export-file validator: own-property access, the refusal it throws
// internally, the nesting and prototype-pollution scans, and the checks for a run's metric series.
import type { EvalPoint, MetricPoint } from '../shared/metrics';
import { show } from '../config/linkText';
import { isStep } from './runs';

// Keys that could reach Object.prototype if some later code merged the data into another object.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NON_FINITE = new Map([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
]);

/** Thrown inside the validator only; checkExportFile turns it into `{ ok: false, error }`. */
export class Refusal extends Error {}
export function refuse(message: string): never {
  throw new Refusal(message);
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
export function showValue(v: unknown): string {
  if (v === undefined) return 'missing';
  // JSON.stringify returns undefined for functions and symbols, which only a hand-built object holds.
  return show(JSON.stringify(v) ?? String(v));
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
function metric(o: Obj, key: string, where: string): number {
  const v = own(o, key);
  if (typeof v === 'number') return v;
  const n = typeof v === 'string' ? NON_FINITE.get(v) : undefined;
  if (n === undefined)
    refuse(
      `${where} has ${/^[aeiou]/.test(key) ? 'an' : 'a'} ${key} that is not a number (${showValue(v)}).`,
    );
  return n;
}

export function checkEval(v: unknown, where: string): EvalPoint {
  if (!isObject(v)) refuse(`${where} is not an object.`);
  const step = own(v, 'step');
  // Step 0 is an evaluation before any training.
  if (!(step === 0 || isStep(step))) refuse(`${where} has an invalid step (${showValue(step)}).`);
  return { step, loss: metric(v, 'loss', where), accuracy: metric(v, 'accuracy', where) };
}

export function checkPoint(v: unknown, where: string): MetricPoint {
  const { step, loss, accuracy } = checkEval(v, where);
  const epoch = own(v as Obj, 'epoch');
  if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0)
    refuse(`${where} has an invalid epoch (${showValue(epoch)}).`);
  return { step, epoch, loss, accuracy };
}

export function series<T extends { step: number }>(
  v: unknown,
  where: string,
  what: string,
  check: (x: unknown, w: string) => T,
): T[] {
  if (!Array.isArray(v)) refuse(`${where}'s ${what} are missing or not a list.`);
  const out = v.map((x: unknown, i) => check(x, `${where}'s ${what.replace(/s$/, '')} ${i + 1}`));
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]?.step ?? -1;
    const step = out[i]?.step ?? 0;
    if (step <= prev)
      refuse(`${where}'s ${what} are not sorted by step (step ${step} comes after step ${prev}).`);
  }
  return out;
}

// Recorded results out of the page (JSON for re-import, CSV for spreadsheets) and back in. The JSON
// file is the format IndexedDB storage keeps too, so one validator guards both ways in.
import { LAYER_FIELDS, type InternalsPoint } from '../shared/internals';
import type { EvalPoint, MetricPoint, TrainingEval } from '../shared/metrics';
import type { SharedSettings } from '../shared/settings';
import { makeExportFile, type RunRecord } from './exportTypes';
import { EN, type Messages } from '../i18n/messages';

export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  makeExportFile,
  type ExportFile,
  type RunRecord,
} from './exportTypes';
export { checkExportFile, parseImport, MAX_IMPORT_CHARS, type ImportResult } from './importCheck';

// JSON has no NaN or Infinity (JSON.stringify writes null, which would read back as a number-less
// point); the importer turns these three strings back into numbers where a metric is expected.
function finiteOrText(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

function json(value: unknown): string {
  return JSON.stringify(value, finiteOrText);
}

/** A list with one item per line: readable, yet a long run stays one line per point. */
function* list(items: readonly unknown[], indent: string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  for (let k = 0; k < items.length; k++)
    yield `${indent}  ${json(items[k])}${k < items.length - 1 ? ',' : ''}\n`;
  yield `${indent}]`;
}

function* runJson(r: RunRecord, last: boolean): Generator<string> {
  const i = '      ';
  yield `    {\n${i}"spec": ${json(r.spec)},\n${i}"test": ${json(r.test)},\n${i}"validation": `;
  yield* list(r.validation, i);
  if (r.training) {
    yield `,\n${i}"training": `;
    yield* list(r.training, i);
  }
  if (r.internals) {
    yield `,\n${i}"internals": `;
    yield* list(r.internals, i);
  }
  yield `,\n${i}"points": `;
  yield* list(r.points, i);
  yield `\n    }${last ? '' : ','}\n`;
}

/**
 * The export file as text, in pieces (a line per point): collectInSlices (slices.ts) writes a long run a slice at
 * a time. Numbers are written as JavaScript writes them (exact round trip).
 */
export function* jsonParts(
  shared: SharedSettings,
  records: readonly RunRecord[],
  now = new Date(),
): Generator<string> {
  const f = makeExportFile(shared, records, now);
  yield `{\n  "format": ${json(f.format)},\n  "version": ${json(f.version)},\n`;
  yield `  "exportedAt": ${json(f.exportedAt)},\n  "shared": ${json(f.shared)},\n  "runs": `;
  if (f.runs.length === 0) yield '[]';
  else {
    yield '[\n';
    for (let k = 0; k < f.runs.length; k++) yield* runJson(f.runs[k]!, k === f.runs.length - 1);
    yield '  ]';
  }
  yield '\n}\n';
}

/** The export file as one text (jsonParts joined). */
export function toJson(shared: SharedSettings, records: readonly RunRecord[], now = new Date()): string {
  return [...jsonParts(shared, records, now)].join('');
}

/** The English header; a spreadsheet for a Chinese class gets its columns named in Chinese (data.csvHeader). */
export const CSV_HEADER = EN.data.csvHeader.join(',');

/**
 * A CSV cell: a leading apostrophe where a spreadsheet would run the text as a formula (=, +, -, @,
 * tab, CR), since run names come from links anyone can write; then RFC 4180 quoting, only where needed.
 */
function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvNumber(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

type Column =
  | { layer: string; q: (typeof LAYER_FIELDS)[number] }
  | { layer: null; q: 'biasCorrection1' | 'biasCorrection2' };

/** The instrument columns some run has a value in: `<layer>.<quantity>`, then the bias corrections. */
function internalsColumns(records: readonly RunRecord[]): Column[] {
  const all = records.flatMap((r) => r.internals ?? []);
  const layers = [...new Set(all.flatMap((p) => Object.keys(p.layers)))];
  const cols: Column[] = layers.flatMap((layer) =>
    LAYER_FIELDS.filter((q) => all.some((p) => p.layers[layer]?.[q] !== undefined)).map((q) => ({
      layer,
      q,
    })),
  );
  for (const q of ['biasCorrection1', 'biasCorrection2'] as const)
    if (all.some((p) => p[q] !== undefined)) cols.push({ layer: null, q });
  return cols;
}

function columnName(c: Column): string {
  return c.layer === null ? c.q : `${c.layer}.${c.q}`;
}

function columnValue(c: Column, p: InternalsPoint | undefined): number | undefined {
  if (!p) return undefined;
  return c.layer === null ? p[c.q] : p.layers[c.layer]?.[c.q];
}

/**
 * One row per run and step, runs in order, steps ascending. A step with a validation result but
 * no training point (e.g. an evaluation before the first step) still gets a row, with the training
 * columns empty, so no recorded number is lost. `m` names the columns in the reader's language.
 * In pieces, a row each, for collectInSlices (slices.ts).
 */
export function* csvParts(records: readonly RunRecord[], m: Messages = EN): Generator<string> {
  const cols = internalsColumns(records);
  // The whole training set's columns only when some run evaluated it (small training sets).
  const whole = records.some((r) => (r.training?.length ?? 0) > 0);
  const wholeHeader = whole ? m.data.csvWhole : [];
  // Instrument columns are named as in the JSON export (dense1.kernel.gradNorm) in every language.
  yield `${[...m.data.csvHeader, ...wholeHeader, ...cols.map(columnName)].map(csvText).join(',')}\r\n`;
  for (const r of records) {
    const name = csvText(r.spec.name);
    type Row = { point?: MetricPoint; val?: EvalPoint; train?: TrainingEval; inside?: InternalsPoint };
    const byStep = new Map<number, Row>();
    for (const point of r.points) byStep.set(point.step, { point });
    for (const val of r.validation) byStep.set(val.step, { ...byStep.get(val.step), val });
    for (const train of r.training ?? []) byStep.set(train.step, { ...byStep.get(train.step), train });
    for (const inside of r.internals ?? []) byStep.set(inside.step, { ...byStep.get(inside.step), inside });
    const steps = [...byStep.keys()].sort((a, b) => a - b);
    for (const step of steps) {
      const { point, val, train, inside } = byStep.get(step) ?? {};
      const cells = [
        point?.epoch,
        point?.loss,
        point?.accuracy,
        point?.lr,
        val?.loss,
        val?.accuracy,
        ...(whole ? [train?.loss, train?.accuracy, train?.trueAccuracy] : []),
        ...cols.map((c) => columnValue(c, inside)),
      ].map(csvNumber);
      yield `${[name, String(step), ...cells].join(',')}\r\n`;
    }
  }
}

/** The CSV as one text (csvParts joined). */
export function toCsv(records: readonly RunRecord[], m: Messages = EN): string {
  return [...csvParts(records, m)].join('');
}

/** Pieces an export of `records` yields, about: for its progress. */
export function exportSize(records: readonly RunRecord[]): number {
  return records.reduce((n, r) => n + r.points.length + r.validation.length + (r.internals?.length ?? 0), 1);
}

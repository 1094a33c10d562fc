// Recorded results out of the page (JSON for re-import, CSV for spreadsheets) and back in. The JSON
// file is the format IndexedDB storage keeps too, so one validator guards both ways in.
import type { InternalsPoint, LayerInternals } from '../shared/internals';
import type { EvalPoint, MetricPoint } from '../shared/metrics';
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
function list(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((x) => `${indent}  ${json(x)}`).join(',\n')}\n${indent}]`;
}

function runJson(r: RunRecord): string {
  const i = '      ';
  return [
    '    {',
    `${i}"spec": ${json(r.spec)},`,
    `${i}"test": ${json(r.test)},`,
    `${i}"validation": ${list(r.validation, i)},`,
    ...(r.internals ? [`${i}"internals": ${list(r.internals, i)},`] : []),
    `${i}"points": ${list(r.points, i)}`,
    '    }',
  ].join('\n');
}

/** The export file as text. Numbers are written as JavaScript writes them (exact round trip). */
export function toJson(shared: SharedSettings, records: readonly RunRecord[], now = new Date()): string {
  const f = makeExportFile(shared, records, now);
  const runs = f.runs.length === 0 ? '[]' : `[\n${f.runs.map(runJson).join(',\n')}\n  ]`;
  return [
    '{',
    `  "format": ${json(f.format)},`,
    `  "version": ${json(f.version)},`,
    `  "exportedAt": ${json(f.exportedAt)},`,
    `  "shared": ${json(f.shared)},`,
    `  "runs": ${runs}`,
    '}',
    '',
  ].join('\n');
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

const LAYER_QUANTITIES = [
  'gradNorm',
  'updateNorm',
  'weightNorm',
  'velocityNorm',
  'velocityCosine',
  'stepMedian',
  'stepP90',
  'epsShare',
] as const satisfies readonly (keyof LayerInternals)[];
type Column =
  | { layer: string; q: (typeof LAYER_QUANTITIES)[number] }
  | { layer: null; q: 'biasCorrection1' | 'biasCorrection2' };

/** The instrument columns some run has a value in: `<layer>.<quantity>`, then the bias corrections. */
function internalsColumns(records: readonly RunRecord[]): Column[] {
  const all = records.flatMap((r) => r.internals ?? []);
  const layers = [...new Set(all.flatMap((p) => Object.keys(p.layers)))];
  const cols: Column[] = layers.flatMap((layer) =>
    LAYER_QUANTITIES.filter((q) => all.some((p) => p.layers[layer]?.[q] !== undefined)).map((q) => ({
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
 */
export function toCsv(records: readonly RunRecord[], m: Messages = EN): string {
  const cols = internalsColumns(records);
  // Instrument columns are named as in the JSON export (dense1.kernel.gradNorm) in every language.
  const lines = [[...m.data.csvHeader, ...cols.map(columnName)].map(csvText).join(',')];
  for (const r of records) {
    const name = csvText(r.spec.name);
    const byStep = new Map<number, { point?: MetricPoint; val?: EvalPoint; inside?: InternalsPoint }>();
    for (const point of r.points) byStep.set(point.step, { point });
    for (const val of r.validation) byStep.set(val.step, { ...byStep.get(val.step), val });
    for (const inside of r.internals ?? []) byStep.set(inside.step, { ...byStep.get(inside.step), inside });
    const steps = [...byStep.keys()].sort((a, b) => a - b);
    for (const step of steps) {
      const { point, val, inside } = byStep.get(step) ?? {};
      const cells = [
        point?.epoch,
        point?.loss,
        point?.accuracy,
        val?.loss,
        val?.accuracy,
        ...cols.map((c) => columnValue(c, inside)),
      ].map(csvNumber);
      lines.push([name, String(step), ...cells].join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

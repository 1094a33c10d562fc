// The random search's results table as data: one row per trial (its settings and, once trained, its
// result), sorted by validation loss or accuracy with unfinished and diverged trials last, and the
// table as CSV (column names in the page's language) or JSON.
import type { Messages } from '../i18n/messages';
import type { TrialResult } from '../protocol';
import type { RunSettings, SharedSettings } from '../shared/settings';
import type { SearchSpace } from './sampler';

export interface TrialRow {
  /** 0-based: the trial's place in the search (shown from 1). */
  index: number;
  settings: RunSettings;
  /** Null until the trial has trained and been validated. */
  result: TrialResult | null;
}

export type SortKey = 'trial' | 'loss' | 'accuracy';
export interface SortOrder {
  key: SortKey;
  descending: boolean;
}
export const DEFAULT_SORT: SortOrder = { key: 'trial', descending: false };

export function trialRows(trials: readonly RunSettings[], results: readonly TrialResult[]): TrialRow[] {
  const byTrial = new Map(results.map((r) => [r.trial, r]));
  return trials.map((settings, index) => ({ index, settings, result: byTrial.get(index) ?? null }));
}

function sortValue(row: TrialRow, key: SortKey): number | null {
  if (key === 'trial') return row.index;
  const v = row.result?.validation;
  if (!v) return null;
  return key === 'loss' ? v.loss : v.accuracy;
}

/** Rows in `order`; rows without the value (not yet trained, diverged) last whatever the direction. */
export function sortRows(rows: readonly TrialRow[], order: SortOrder): TrialRow[] {
  const sign = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, order.key);
    const y = sortValue(b, order.key);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    return sign * (x - y) || a.index - b.index;
  });
}

/** A header click: best first for a new column (lowest loss, highest accuracy), the other way on a second click. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key === 'accuracy' };
}

const cell = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** One line per trial in trial order; the header in the page's language (tune.csvHeader). */
export function trialsCsv(rows: readonly TrialRow[], steps: number, m: Messages): string {
  const lines = [m.tune.csvHeader.join(',')];
  for (const { index, settings: s, result: r } of [...rows].sort((a, b) => a.index - b.index)) {
    lines.push(
      [
        index + 1,
        s.optimizer,
        s.learningRate,
        s.beta1,
        s.beta2,
        s.epsilon,
        s.momentum,
        s.nesterov,
        steps,
        cell(r?.validation?.loss),
        cell(r?.validation?.accuracy),
        cell(r && Number.isFinite(r.trainLoss) ? r.trainLoss : null),
        cell(r?.divergedAt),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export const TUNE_EXPORT_FORMAT = 'mnist-optimizer-playground-search';

/** The search as JSON: what it searched (shared settings, ranges, steps) and every trial. */
export function trialsJson(
  search: { shared: SharedSettings; space: SearchSpace; steps: number },
  rows: readonly TrialRow[],
  now = new Date(),
): string {
  const trials = [...rows]
    .sort((a, b) => a.index - b.index)
    .map(({ index, settings, result }) => ({
      trial: index + 1,
      settings,
      validation: result?.validation ?? null,
      // JSON has no NaN or Infinity: a diverged trial's loss is written as null.
      trainLoss: result && Number.isFinite(result.trainLoss) ? result.trainLoss : null,
      divergedAt: result?.divergedAt ?? null,
    }));
  const file = { format: TUNE_EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), ...search, trials };
  return JSON.stringify(file, null, 2) + '\n';
}

// The confusion matrix as the page shows it: counts or each row's shares, a colour level per cell, and
// the totals the caption states. Pure: the worker counts, this only reads the counts.
import type { ConfusionCell } from '../protocol';
import { NUM_CLASSES } from '../shared/mnist';

export const DIGITS: readonly number[] = Array.from({ length: NUM_CLASSES }, (_, d) => d);

export interface ConfusionView {
  /** Per cell, row-major: the count, or its share of the row (0–1) when row-normalised. */
  values: number[];
  /** Per cell: 0 (no digits) to 1 (the most of any cell), on a log scale so single mistakes show. */
  levels: number[];
  /** Digits per true label (row sums). */
  rowTotals: number[];
  total: number;
  correct: number;
}

/** Levels are log(1 + value·k) / log(1 + max·k): shares are spread over this many steps before the log. */
const SHARE_STEPS = 1000;

export function confusionView(counts: readonly number[], rowNormalised: boolean): ConfusionView {
  const rowTotals = DIGITS.map((r) => DIGITS.reduce((s, c) => s + (counts[r * NUM_CLASSES + c] ?? 0), 0));
  const values = counts.map((n, i) => {
    if (!rowNormalised) return n;
    const row = rowTotals[Math.floor(i / NUM_CLASSES)]!;
    return row > 0 ? n / row : 0;
  });
  const k = rowNormalised ? SHARE_STEPS : 1;
  const max = Math.max(0, ...values);
  const levels = values.map((v) => (max > 0 ? Math.log1p(v * k) / Math.log1p(max * k) : 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const correct = DIGITS.reduce((s, d) => s + (counts[d * NUM_CLASSES + d] ?? 0), 0);
  return { values, levels, rowTotals, total, correct };
}

export function sameCell(a: ConfusionCell | null, b: ConfusionCell | null): boolean {
  return a === b || (!!a && !!b && a.label === b.label && a.predicted === b.predicted);
}

// The results table as data: rows in trial order, sorted by validation loss or accuracy with unfinished
// and diverged trials last, and the CSV and JSON exports.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { MESSAGES } from '../../src/i18n/messages';
import type { TrialResult } from '../../src/protocol';
import {
  DEFAULT_SORT,
  nextOrder,
  sortRows,
  trialRows,
  trialsCsv,
  trialsJson,
  TUNE_EXPORT_FORMAT,
} from '../../src/tune/results';
import { DEFAULT_SPACE, sampleTrials } from '../../src/tune/sampler';
import { REFERENCE_NET } from '../helpers/net';

const trials = sampleTrials(DEFAULT_SPACE, settingsOf(DEFAULT_CONFIG), 1, 5);
const result = (trial: number, loss: number, accuracy: number): TrialResult => ({
  trial,
  trainLoss: loss + 0.1,
  validation: { loss, accuracy },
  divergedAt: null,
});
const results: TrialResult[] = [
  result(2, 0.4, 0.9),
  result(0, 0.3, 0.88),
  { trial: 3, trainLoss: Infinity, validation: null, divergedAt: 12 },
  result(1, 0.5, 0.93),
];
const rows = trialRows(trials, results);
const order = (key: 'trial' | 'loss' | 'accuracy', descending = false) =>
  sortRows(rows, { key, descending }).map((r) => r.index);

describe('results', () => {
  it('has one row per trial in trial order, with its result once there', () => {
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(rows[4]!.result).toBeNull();
    expect(rows[2]!.result?.validation?.loss).toBe(0.4);
  });

  it('sorts by validation loss or accuracy, unfinished and diverged trials last either way', () => {
    expect(order('loss')).toEqual([0, 2, 1, 3, 4]);
    expect(order('loss', true)).toEqual([1, 2, 0, 3, 4]);
    expect(order('accuracy', true)).toEqual([1, 2, 0, 3, 4]);
    expect(order('trial', true)).toEqual([4, 3, 2, 1, 0]);
  });

  it('sorts a new column best first and turns it round on a second click', () => {
    expect(nextOrder(DEFAULT_SORT, 'loss')).toEqual({ key: 'loss', descending: false });
    expect(nextOrder(DEFAULT_SORT, 'accuracy')).toEqual({ key: 'accuracy', descending: true });
    expect(nextOrder({ key: 'loss', descending: false }, 'loss')).toEqual({ key: 'loss', descending: true });
  });

  it('exports CSV with a header in the page’s language and one line per trial', () => {
    const csv = trialsCsv(sortRows(rows, { key: 'loss', descending: false }), 200, MESSAGES.en)
      .trim()
      .split('\n');
    expect(csv[0]).toBe(MESSAGES.en.tune.csvHeader.join(','));
    expect(csv).toHaveLength(6);
    const first = csv[1]!.split(',');
    expect(first[0]).toBe('1');
    expect(first[1]).toBe(trials[0]!.optimizer);
    expect(Number(first[2])).toBe(trials[0]!.learningRate);
    expect(first.slice(8, 11)).toEqual(['200', '0.3', '0.88']);
    // A diverged trial has no validation and says where it diverged; a waiting one has empty cells.
    expect(csv[4]!.split(',').slice(9)).toEqual(['', '', '', '12']);
    expect(csv[5]!.split(',').slice(9)).toEqual(['', '', '', '']);
    expect(trialsCsv(rows, 200, MESSAGES.zh).split('\n')[0]).toBe(MESSAGES.zh.tune.csvHeader.join(','));
  });

  it('exports JSON with what was searched and every trial', () => {
    const shared = { batchSize: 32, epochs: 1, preprocessing: 'scale' as const, seed: 1, ...REFERENCE_NET };
    const file = JSON.parse(trialsJson({ shared, space: DEFAULT_SPACE, steps: 200 }, rows, new Date(0)));
    expect(file.format).toBe(TUNE_EXPORT_FORMAT);
    expect(file.shared).toEqual(shared);
    expect(file.space).toEqual(DEFAULT_SPACE);
    expect(file.trials).toHaveLength(5);
    expect(file.trials[0]).toEqual({
      trial: 1,
      settings: trials[0],
      validation: { loss: 0.3, accuracy: 0.88 },
      trainLoss: 0.4,
      divergedAt: null,
    });
    expect(file.trials[3]).toMatchObject({ validation: null, trainLoss: null, divergedAt: 12 });
  });
});

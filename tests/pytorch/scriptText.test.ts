// The PyTorch script's text: which optimizer stretches torch.optim trains exactly, the header, and a
// file Python runs whatever the runs are named (quotes, backslashes, Chinese, emoji, line breaks).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { parseImport } from '../../src/experiment/exportData';
import { segmentsOf } from '../../src/experiment/pytorch/plan';
import { pytorchScript } from '../../src/experiment/pytorch/script';
import { settingsOf, sharedOf } from '../../src/experiment/runs';
import type { Experiment } from '../../src/experiment/types';
import type { RunSettings, TimelineEntry } from '../../src/shared/settings';
import { requireTorch, runScript } from './python';

const BASE = settingsOf(DEFAULT_CONFIG);
const at = (optimizer: RunSettings['optimizer'], s: Partial<RunSettings> = {}) => ({
  ...BASE,
  optimizer,
  ...s,
});
const implOf = (initial: RunSettings, timeline: TimelineEntry[] = []) =>
  segmentsOf(initial, timeline).map((s) => [s.from, s.optimizer, s.impl]);

describe('the optimizer stretches', () => {
  it('uses torch.optim where it computes the page’s update, and writes it out where not', () => {
    expect(implOf(at('adam'), [{ step: 5, key: 'learningRate', value: 0.01 }])).toEqual([
      [1, 'adam', 'torch'],
    ]);
    expect(implOf(at('adamw', { biasCorrection: false }))).toEqual([[1, 'adamw', 'written']]);
    expect(implOf(at('adam'), [{ step: 5, key: 'beta2', value: 0.99 }])).toEqual([[1, 'adam', 'written']]);
    expect(implOf(at('momentum', { momentum: 0 }))).toEqual([[1, 'momentum', 'written']]);
    expect(implOf(at('rmsprop', { beta2: 0.5 }), [{ step: 2, key: 'beta2', value: 0.9 }])).toEqual([
      [1, 'rmsprop', 'torch'],
    ]);
  });

  it('judges each optimizer by the settings of the steps it trains', () => {
    // Step 1's changes replace the initial settings before anything trains.
    expect(implOf(at('adam'), [{ step: 1, key: 'beta1', value: 0.5 }])).toEqual([[1, 'adam', 'torch']]);
    expect(implOf(at('sgd'), [{ step: 1, key: 'optimizer', value: 'adam' }])).toEqual([[1, 'adam', 'torch']]);
    // A β change before the switch belongs to the optimizer it changed; one after it to the new one.
    const timeline: TimelineEntry[] = [
      { step: 3, key: 'beta1', value: 0.5 },
      { step: 10, key: 'optimizer', value: 'momentum' },
      { step: 10, key: 'momentum', value: 0 },
      { step: 12, key: 'momentum', value: 0.9 },
      { step: 20, key: 'optimizer', value: 'adam' },
      { step: 20, key: 'optimizer', value: 'sgd' },
      { step: 30, key: 'optimizer', value: 'adam' },
      { step: 30, key: 'biasCorrection', value: false },
    ];
    expect(implOf(at('adam'), timeline)).toEqual([
      [1, 'adam', 'written'],
      [10, 'momentum', 'written'],
      [20, 'sgd', 'torch'],
      [30, 'adam', 'written'],
    ]);
  });
});

const NAME = 'He said """hi""" \\ 中文 😀';

const experiment = (name: string): Experiment => ({
  shared: { ...sharedOf(DEFAULT_CONFIG), batchSize: 10, epochs: 1, trainImages: 100, dropout: 0.5 },
  runs: [
    {
      id: 'a',
      name,
      color: '#0072B2',
      hidden: true,
      initial: BASE,
      timeline: [{ step: 2, key: 'optimizer', value: 'sgd' }],
    },
  ],
});

describe('the script', () => {
  it('opens with what it reproduces, the settings and the command line', () => {
    const text = pytorchScript(experiment('Adam\nimport os'));
    const header = text.slice(0, text.indexOf('\n\n'));
    expect(header.split('\n').every((l) => l.startsWith('#'))).toBe(true);
    expect(header).toContain('python3 this_file.py --mnist DIR [--steps N] [--device cpu|cuda] [--out FILE]');
    expect(header).toContain('batch 10, 1 epoch of 10 steps (10 steps), preprocessing scale, seed 1');
    expect(header).toContain('training images: 100 of the 55,000\n#   dropout 0.5\n');
    expect(header).toContain('1. "Adam\uFFFDimport os": Adam: η 0.001, β1 0.9, β2 0.999, ε 1e-7');
    expect(header).toContain('step 2: optimizer → SGD');
    expect(header).toContain(
      'trained by torch.optim.Adam (Adam)\n#        from step 2 by torch.optim.SGD (SGD)',
    );
    // The data block is ASCII whatever the names hold.
    const data = text.slice(text.indexOf('EXPERIMENT = '), text.indexOf('SHARED = '));
    expect(/^[\x20-\x7e\n]*$/.test(data)).toBe(true);
  });

  it('runs whatever the runs are named, and writes results the page imports', async () => {
    requireTorch();
    const { results, stdout } = await runScript(pytorchScript(experiment(NAME)), ['--steps', '3']);
    const parsed = parseImport(results);
    if (!parsed.ok) throw new Error('the page refuses the results file');
    const [r] = parsed.file.runs;
    expect(r?.spec).toMatchObject({ name: `${NAME} (PyTorch)`, hidden: true });
    expect(r?.points.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(stdout).toContain('step 3/10');
  });
});

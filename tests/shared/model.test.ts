// Model names as links write them: presets and any MLP of 0–3 hidden layers of 16…1024 units, the CNN,
// one name per model, and the parameter counts the status shows (101,770 for the reference MLP).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MODEL_PRESETS,
  modelName,
  parameterCount,
  parseModelName,
  tensorNames,
  tensorShapes,
} from '../../src/shared/model';

describe('model names', () => {
  it('read the presets, any MLP in range and the CNN', () => {
    expect(parseModelName('mlp')).toEqual({ kind: 'mlp', hidden: [] });
    expect(parseModelName('mlp-128')).toEqual({ kind: 'mlp', hidden: [128] });
    expect(parseModelName('mlp-16-1024-64')).toEqual({ kind: 'mlp', hidden: [16, 1024, 64] });
    expect(parseModelName('cnn')).toEqual({ kind: 'cnn' });
    for (const p of MODEL_PRESETS) expect(parseModelName(p)).not.toBeNull();
  });

  it('refuse widths out of range, a fourth layer, leading zeros and anything else', () => {
    for (const bad of [
      'mlp-15',
      'mlp-1025',
      'mlp-16-16-16-16',
      'mlp-0128',
      'MLP-128',
      'mlp-',
      'cnn ',
      '',
      'rnn',
    ])
      expect(parseModelName(bad), bad).toBeNull();
  });

  it('round-trip: one name per model', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 16, max: 1024 }), { maxLength: 3 }), (hidden) => {
        const name = modelName({ kind: 'mlp', hidden });
        expect(parseModelName(name)).toEqual({ kind: 'mlp', hidden });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const spec = parseModelName(s);
        if (spec) expect(modelName(spec)).toBe(s);
      }),
    );
  });
});

describe('model sizes', () => {
  it('count the reference MLP, the CNN of the issue and softmax regression', () => {
    expect(parameterCount({ kind: 'mlp', hidden: [128] })).toBe(101_770);
    expect(parameterCount({ kind: 'cnn' })).toBe(11_274);
    expect(parameterCount({ kind: 'mlp', hidden: [] })).toBe(7_850);
    expect(parameterCount({ kind: 'mlp', hidden: [256, 128] })).toBe(
      784 * 256 + 256 + 256 * 128 + 128 + 1290,
    );
  });

  it('name and shape every tensor in the order optimizers see them', () => {
    expect(tensorNames({ kind: 'mlp', hidden: [64, 32] })).toEqual([
      'dense1.kernel',
      'dense1.bias',
      'dense2.kernel',
      'dense2.bias',
      'dense3.kernel',
      'dense3.bias',
    ]);
    expect(tensorShapes({ kind: 'mlp', hidden: [64, 32] })).toEqual([
      [784, 64],
      [64],
      [64, 32],
      [32],
      [32, 10],
      [10],
    ]);
    expect(tensorNames({ kind: 'cnn' })).toEqual([
      'conv1.kernel',
      'conv1.bias',
      'conv2.kernel',
      'conv2.bias',
      'dense1.kernel',
      'dense1.bias',
    ]);
    expect(tensorShapes({ kind: 'cnn' })).toEqual([[5, 5, 1, 8], [8], [5, 5, 8, 16], [16], [784, 10], [10]]);
  });
});

// The Model control's pure logic: the presets' readable names, typed widths accepted or refused with
// a reason, and which models have no use for an activation.
import { describe, expect, it } from 'vitest';
import { EN, MESSAGES } from '../../src/i18n/messages';
import { inEnglish } from '../../src/i18n/text';
import { MODEL_PRESETS, type ModelName } from '../../src/shared/model';
import { activationNote, choiceOf, modelLabel, parseWidths, widthsText } from '../../src/ui/modelChoice';

const name = (s: string) => s as ModelName;

function refusal(text: string): string {
  const r = parseWidths(text);
  if (r.ok) throw new Error(`"${text}" was accepted as ${r.model}`);
  return inEnglish(r.reason);
}

describe('model names a class reads', () => {
  it('names every preset with its layers and its link name', () => {
    expect(MODEL_PRESETS.map((p) => modelLabel(p, EN))).toEqual([
      'Softmax regression (mlp)',
      'MLP 784→128→10 (mlp-128)',
      'MLP 784→256→128→10 (mlp-256-128)',
      'MLP 784→512→256→10 (mlp-512-256)',
      'CNN, two 5×5 convolutions (cnn)',
    ]);
    expect(modelLabel(name('mlp-128'), MESSAGES.zh)).toBe('多层感知机 784→128→10（mlp-128）');
    expect(modelLabel(name('cnn'), MESSAGES.zh)).toBe('卷积网络，两层 5×5 卷积（cnn）');
  });

  it('shows a preset as itself and any other MLP as custom widths', () => {
    expect(choiceOf(name('cnn'))).toBe('cnn');
    expect(choiceOf(name('mlp-300-100'))).toBe('custom');
    expect(widthsText(name('mlp-300-100'))).toBe('300-100');
    expect(widthsText(name('cnn'))).toBe('');
  });
});

describe('parseWidths', () => {
  it('accepts widths as links, keyboards and input methods write them', () => {
    for (const text of ['256-128', ' 256 - 128 ', '256, 128', '256，128', '２５６-１２８', 'mlp-256-128'])
      expect(parseWidths(text), text).toEqual({ ok: true, model: 'mlp-256-128' });
    expect(parseWidths('1024-16-16')).toEqual({ ok: true, model: 'mlp-1024-16-16' });
    expect(parseWidths('0128')).toEqual({ ok: true, model: 'mlp-128' });
    expect(parseWidths('cnn')).toEqual({ ok: true, model: 'cnn' });
  });

  it('refuses widths outside 16…1024, too many layers and text that is no widths, saying why', () => {
    expect(refusal('8-8')).toBe('has a layer of 8 units (each needs 16 to 1024)');
    expect(refusal('2048')).toBe('has a layer of 2,048 units (each needs 16 to 1024)');
    expect(refusal('mlp-8')).toBe('has a layer of 8 units (each needs 16 to 1024)');
    expect(refusal('64-64-64-64')).toBe('has more than 3 hidden layers');
    for (const text of ['', 'abc', '256-', '12.5', '-128', 'mlp-', 'cnn-128'])
      expect(refusal(text), text).toBe('is not a list of hidden widths such as 256-128');
  });
});

describe('activationNote', () => {
  it('says why the activation does nothing for the CNN and softmax regression only', () => {
    expect(inEnglish(activationNote(name('cnn'))!)).toBe('The CNN’s convolutions always use ReLU');
    expect(inEnglish(activationNote(name('mlp'))!)).toBe(
      'Softmax regression has no hidden layer to activate',
    );
    expect(activationNote(name('mlp-128'))).toBeNull();
  });
});

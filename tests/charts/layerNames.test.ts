// @vitest-environment happy-dom
// "Inside the optimizer" names every layer tensor of every model: MLPs of any depth and the CNN's
// convolutions, in English (tensor names, as exports write them) and Chinese (by position).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { InternalsChart } from '../../src/charts/InternalsChart';
import { internalsLines, layerTensor } from '../../src/charts/internals';
import { I18nContext } from '../../src/i18n/I18n';
import type { Lang } from '../../src/i18n/lang';
import { MESSAGES } from '../../src/i18n/messages';
import type { InternalsPoint } from '../../src/shared/internals';
import { modelSpec, tensorNames, type ModelName } from '../../src/shared/model';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const tensors = (model: string) => tensorNames(modelSpec(model as ModelName));

describe('layerTensor', () => {
  it('counts the CNN’s dense layer after its two convolutions', () => {
    const cnn = tensors('cnn');
    expect(cnn.map((t) => layerTensor(t, cnn))).toEqual([
      { conv: true, part: 'kernel', depth: 1 },
      { conv: true, part: 'bias', depth: 1 },
      { conv: true, part: 'kernel', depth: 2 },
      { conv: true, part: 'bias', depth: 2 },
      { conv: false, part: 'kernel', depth: 3 },
      { conv: false, part: 'bias', depth: 3 },
    ]);
  });

  it('numbers an MLP’s layers as the model does, at any depth', () => {
    const deep = tensors('mlp-64-32-16');
    expect(deep.map((t) => layerTensor(t, deep)?.depth)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(layerTensor('ε', deep)).toBeNull();
  });
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.restoreAllMocks();
});

/** The legend of a one-run chart whose run reports `layers`. */
async function legend(layers: string[], lang: Lang): Promise<string[]> {
  // Without layout the chart's container measures 0 × 0, which recharts warns about.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const point = (step: number): InternalsPoint => ({
    step,
    layers: Object.fromEntries(layers.map((l) => [l, { gradNorm: 1, updateNorm: 0.01, weightNorm: 10 }])),
  });
  const run = { id: 'a', name: 'Adam', color: '#009E73', internals: [1, 2].map(point), markers: [] };
  const root = document.body.appendChild(document.createElement('div'));
  const react = createRoot(root);
  const m = MESSAGES[lang];
  await act(async () =>
    react.render(
      createElement(
        I18nContext.Provider,
        { value: { lang, chosen: true, m, f: m.format, setLang: () => {} } },
        createElement(InternalsChart, { runs: [run], version: 1 }),
      ),
    ),
  );
  cleanups.push(() => {
    act(() => react.unmount());
    root.remove();
  });
  return Array.from(root.querySelectorAll('.chart-legend-text')).map((e) => e.textContent ?? '');
}

describe('lines of one run', () => {
  it('look different for every tensor of the deepest MLP and of the CNN', () => {
    for (const model of ['mlp-64-32-16', 'cnn']) {
      const names = tensors(model);
      const point = (step: number): InternalsPoint => ({
        step,
        layers: Object.fromEntries(names.map((l) => [l, { gradNorm: 1, updateNorm: 0.01, weightNorm: 10 }])),
      });
      const run = { id: 'a', name: 'Adam', color: '#009E73', internals: [1, 2].map(point) };
      const lines = internalsLines([run], 'gradNorm', names[0]!);
      expect(lines).toHaveLength(names.length);
      expect(new Set(lines.map((l) => l.dash)).size, model).toBe(names.length);
    }
  });
});

describe('the chart’s legend', () => {
  it('names the CNN’s tensors in both languages', async () => {
    expect(await legend(tensors('cnn'), 'en')).toEqual(tensors('cnn'));
    expect(await legend(tensors('cnn'), 'zh')).toEqual([
      '第 1 层（卷积）卷积核',
      '第 1 层（卷积）偏置',
      '第 2 层（卷积）卷积核',
      '第 2 层（卷积）偏置',
      '第 3 层权重',
      '第 3 层偏置',
    ]);
  });

  it('names a three-hidden-layer MLP’s four layers', async () => {
    const deep = tensors('mlp-64-32-16');
    expect(await legend(deep, 'en')).toEqual(deep);
    expect((await legend(deep, 'zh')).slice(-2)).toEqual(['第 4 层权重', '第 4 层偏置']);
  });
});

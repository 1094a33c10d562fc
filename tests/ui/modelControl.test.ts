// @vitest-environment happy-dom
// The Model and Activation settings as a class uses them: the presets listed by name, custom widths
// accepted (256-128) or refused with a message and no change (8-8), and both sent as structural edits
// that apply on Reset. Rendered through SettingsPanel, so the controls are tested where they live.
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { I18nContext } from '../../src/i18n/I18n';
import { MESSAGES } from '../../src/i18n/messages';
import type { Lang } from '../../src/i18n/lang';
import type { ModelName } from '../../src/shared/model';
import type { RunConfig, SettingChange } from '../../src/shared/settings';
import { routeSetting } from '../../src/ui/settingRoute';
import { SettingsPanel } from '../../src/ui/SettingsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

interface Panel {
  root: HTMLElement;
  changes: SettingChange[];
  render(config: RunConfig, runConfig?: RunConfig): Promise<void>;
}

async function mount(config: RunConfig = DEFAULT_CONFIG, lang: Lang = 'en'): Promise<Panel> {
  const root = document.body.appendChild(document.createElement('div'));
  const react: Root = createRoot(root);
  const changes: SettingChange[] = [];
  const m = MESSAGES[lang];
  const render = (c: RunConfig, runConfig: RunConfig = c) =>
    act(async () =>
      react.render(
        createElement(
          I18nContext.Provider,
          { value: { lang, chosen: true, m, f: m.format, setLang: () => {} } },
          createElement(SettingsPanel, {
            config: c,
            shared: c,
            runShared: runConfig,
            display: { smoothing: 0.9, logScale: false },
            onChange: (c: SettingChange) => changes.push(c),
            onDisplay: () => {},
          }),
        ),
      ),
    );
  await render(config);
  cleanups.push(() => {
    act(() => react.unmount());
    root.remove();
  });
  return { root, changes, render };
}

/** The control whose label reads `label`: its select or text field. */
function field<T extends HTMLElement>(root: HTMLElement, label: string): T {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent === label);
  if (!l) throw new Error(`no label "${label}"`);
  return root.querySelector<T>(`[id="${l.htmlFor}"]`)!;
}

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Types `text` the way React sees typing (the native setter, then an input event) and presses Enter. */
async function typeAndEnter(input: HTMLInputElement, text: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
}

const optionTexts = (s: HTMLSelectElement) => Array.from(s.options).map((o) => o.textContent);
const withModel = (model: string, c: RunConfig = DEFAULT_CONFIG) => ({ ...c, model: model as ModelName });

describe('the Model control', () => {
  it('lists the presets by name, then custom widths, and shows the size of the chosen network', async () => {
    const { root } = await mount();
    const select = field<HTMLSelectElement>(root, 'Model');
    expect(optionTexts(select)).toEqual([
      'Softmax regression (mlp)',
      'MLP 784→128→10 (mlp-128)',
      'MLP 784→256→128→10 (mlp-256-128)',
      'MLP 784→512→256→10 (mlp-512-256)',
      'CNN, two 5×5 convolutions (cnn)',
      'Custom widths…',
    ]);
    expect(select.value).toBe('mlp-128');
    expect(root.querySelector('.model-size')?.textContent).toBe('101,770 parameters');
    // It sits with the settings that apply on Reset.
    expect(select.closest('fieldset')?.querySelector('legend')?.textContent).toBe(
      'Run setup · applies on Reset',
    );
  });

  it('sends a picked preset as a structural change', async () => {
    const { root, changes } = await mount();
    await choose(field(root, 'Model'), 'cnn');
    expect(changes).toEqual([{ key: 'model', value: 'cnn' }]);
    expect(routeSetting(changes[0]!, true)).toEqual({ to: 'shared', change: changes[0] });
  });

  it('accepts typed widths 256-128 as mlp-256-128', async () => {
    const { root, changes } = await mount();
    await choose(field(root, 'Model'), 'custom');
    // Opening the field changes nothing yet.
    expect(changes).toEqual([]);
    await typeAndEnter(field(root, 'Hidden widths'), '256-128');
    expect(changes).toEqual([{ key: 'model', value: 'mlp-256-128' }]);
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('refuses 8-8 with a message and changes nothing', async () => {
    const { root, changes } = await mount();
    await choose(field(root, 'Model'), 'custom');
    await typeAndEnter(field(root, 'Hidden widths'), '8-8');
    expect(changes).toEqual([]);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      '"8-8" has a layer of 8 units (each needs 16 to 1024); kept mlp-128.',
    );
  });

  it('shows a custom model as its widths, and a pending one as applying on Reset', async () => {
    const { root, render } = await mount(withModel('mlp-300-100'));
    expect(field<HTMLSelectElement>(root, 'Model').value).toBe('custom');
    expect(field<HTMLInputElement>(root, 'Hidden widths').value).toBe('300-100');
    expect(root.querySelector('.model-size')?.textContent).toBe(
      'MLP 784→300→100→10 (mlp-300-100) · 266,610 parameters',
    );
    await render(withModel('cnn'), DEFAULT_CONFIG);
    expect(field<HTMLSelectElement>(root, 'Model').value).toBe('cnn');
    expect(root.textContent).toContain('Applies on Reset (run uses mlp-128)');
  });

  it('speaks Chinese on a Chinese page', async () => {
    const { root } = await mount(DEFAULT_CONFIG, 'zh');
    const select = field<HTMLSelectElement>(root, '模型');
    expect(optionTexts(select)[1]).toBe('多层感知机 784→128→10（mlp-128）');
    expect(optionTexts(select).at(-1)).toBe('自定义宽度…');
    expect(root.querySelector('.model-size')?.textContent).toBe('101,770 个参数');
  });
});

describe('the Activation control', () => {
  it('offers ReLU, tanh and sigmoid and sends a pick as a structural change', async () => {
    const { root, changes } = await mount();
    const select = field<HTMLSelectElement>(root, 'Activation');
    expect(optionTexts(select)).toEqual(['ReLU', 'tanh', 'Sigmoid']);
    await choose(select, 'tanh');
    expect(changes).toEqual([{ key: 'activation', value: 'tanh' }]);
    expect(routeSetting(changes[0]!, true)).toEqual({ to: 'shared', change: changes[0] });
  });

  it('is disabled, with the reason, for the CNN and softmax regression', async () => {
    const { root, render } = await mount(withModel('cnn'));
    expect(field<HTMLSelectElement>(root, 'Activation').disabled).toBe(true);
    expect(root.textContent).toContain('The CNN’s convolutions always use ReLU');
    await render(withModel('mlp'));
    expect(field<HTMLSelectElement>(root, 'Activation').disabled).toBe(true);
    expect(root.textContent).toContain('Softmax regression has no hidden layer to activate');
    await render(withModel('mlp-256-128'));
    expect(field<HTMLSelectElement>(root, 'Activation').disabled).toBe(false);
  });
});

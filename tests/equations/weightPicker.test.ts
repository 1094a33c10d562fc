// @vitest-environment happy-dom
// The weight picker's unit field follows the model: its range is the rows of the output layer's kernel
// (the last hidden width of an MLP, or 784: softmax regression's pixels, the CNN's flattened features),
// and its label names what they are.
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { outputInputKind, outputInputs, WeightPicker } from '../../src/equations/WeightPicker';
import type { ModelName } from '../../src/shared/model';
import type { TraceTarget } from '../../src/shared/trace';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const model = (name: string) => name as ModelName;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('outputInputs', () => {
  it('is the last kernel’s rows for every kind of model', () => {
    expect(outputInputs(model('mlp-128'))).toBe(128);
    expect(outputInputs(model('mlp-256-128'))).toBe(128);
    expect(outputInputs(model('mlp-512-256-64'))).toBe(64);
    expect(outputInputs(model('mlp'))).toBe(784);
    expect(outputInputs(model('cnn'))).toBe(784);
  });
});

async function picker(name?: string) {
  const root = document.body.appendChild(document.createElement('div'));
  const react = createRoot(root);
  const followed: TraceTarget[] = [];
  await act(async () =>
    react.render(
      createElement(WeightPicker, {
        trace: null,
        target: 'largest',
        onFollow: (t: TraceTarget) => followed.push(t),
        ...(name ? { model: model(name) } : {}),
      }),
    ),
  );
  cleanups.push(() => {
    act(() => react.unmount());
    root.remove();
  });
  const [unit] = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="number"]'));
  const follow = Array.from(root.querySelectorAll('button')).at(-1)!;
  const label = root.querySelector(`label[for="${unit!.id}"]`)?.textContent;
  return { unit: unit!, follow, followed, label };
}

describe('outputInputKind', () => {
  it('names hidden units, pixels or conv features', () => {
    expect(outputInputKind(model('mlp-128'))).toBe('hidden');
    expect(outputInputKind(model('mlp-512-256-64'))).toBe('hidden');
    expect(outputInputKind(model('mlp'))).toBe('pixel');
    expect(outputInputKind(model('cnn'))).toBe('feature');
  });
});

describe('WeightPicker', () => {
  it('labels the unit field with what feeds the output layer', async () => {
    expect((await picker()).label).toBe('Hidden unit');
    expect((await picker('mlp')).label).toBe('Pixel');
    expect((await picker('cnn')).label).toBe('Conv feature');
  });

  it('lets the unit range run to the model’s last layer width, the reference MLP’s without a model', async () => {
    expect((await picker()).unit.max).toBe('127');
    expect((await picker('mlp-256-64')).unit.max).toBe('63');
    expect((await picker('cnn')).unit.max).toBe('783');
  });

  it('clamps a typed unit to that range before following it', async () => {
    const { unit, follow, followed } = await picker('mlp-256-64');
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(unit, '500');
      unit.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => follow.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    // Unit 63 to digit 0: row 63 of a 64 × 10 kernel.
    expect(followed).toEqual([63 * 10]);
  });
});

// @vitest-environment happy-dom
// Names typed in the run list get the cleaning names from links get: whatever is typed, the stored
// name passes isRunName, so the run's export imports again and its IndexedDB save is accepted.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  defaultRunName,
  defaultSettings,
  isRunName,
  MAX_NAME_LENGTH,
  runFromSettings,
} from '../../src/experiment/runs';
import { OPTIMIZERS } from '../../src/shared/settings';
import { RunNameInput } from '../../src/ui/RunNameInput';
import { renameRun } from '../../src/ui/runName';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const adam = runFromSettings(defaultSettings(), 0, 'r1');

describe('renameRun', () => {
  it("stores the optimizer's name when the field is cleared", () => {
    expect(renameRun(adam, '', 'sgd').name).toBe('SGD');
    expect(renameRun(adam, '', 'adam').name).toBe('Adam');
  });

  it('keeps a valid name as typed and cuts a long one to MAX_NAME_LENGTH', () => {
    expect(renameRun(adam, 'lr 0.01, β2 0.9', 'adam').name).toBe('lr 0.01, β2 0.9');
    expect(renameRun(adam, 'x'.repeat(100), 'adam').name).toBe('x'.repeat(MAX_NAME_LENGTH));
  });

  it('always stores a valid name, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.constantFrom(...OPTIMIZERS),
        (text, opt) => {
          const { name } = renameRun(adam, text, opt);
          expect(isRunName(name)).toBe(true);
          if (text === '') expect(name).toBe(defaultRunName(opt));
        },
      ),
    );
  });

  it('changes only the name', () => {
    expect(renameRun(adam, 'Mine', 'adam')).toEqual({ ...adam, name: 'Mine' });
  });
});

describe('RunNameInput', () => {
  let root: Root | null = null;
  afterEach(async () => {
    await act(async () => root?.unmount());
    document.body.innerHTML = '';
  });

  it('lets the field be cleared while typing, stores a valid name, and shows it again on blur', async () => {
    let stored = adam;
    function Harness() {
      const [run, setRun] = useState(adam);
      stored = run;
      return createElement(RunNameInput, {
        name: run.name,
        label: 'Name of run 1',
        onRename: (text: string) => setRun((r) => renameRun(r, text, 'adam')),
      });
    }
    const host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    await act(async () => root!.render(createElement(Harness)));
    const input = host.querySelector<HTMLInputElement>('input[aria-label="Name of run 1"]')!;
    expect(input.maxLength).toBe(MAX_NAME_LENGTH);

    const type = (text: string) =>
      act(async () => {
        // React tracks the value it set; the native setter makes the change visible to onChange.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await type('');
    expect(input.value).toBe('');
    expect(stored.name).toBe('Adam');
    await type('Fast');
    expect(stored.name).toBe('Fast');
    await type('');
    await act(async () => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(input.value).toBe('Adam');
    expect(isRunName(stored.name)).toBe(true);
  });
});

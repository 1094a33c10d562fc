// @vitest-environment happy-dom
// Keyboard shortcuts fire from the page, never through a focused control, and buttons do not keep
// focus after a mouse click (so Space after clicking a button pauses instead of pressing it again).
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { isControl, useShortcuts } from '../../src/ui/useShortcuts';
import { ShortcutHelp } from '../../src/ui/ShortcutHelp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function mount(element: ReturnType<typeof createElement>) {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() => root!.render(element));
  return host;
}

const press = (target: EventTarget, key: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

describe('useShortcuts', () => {
  it('runs Space, S and R from the page but not from a focused button, field or slider', () => {
    const calls: string[] = [];
    function Probe() {
      useShortcuts({
        ' ': () => calls.push('toggle'),
        s: () => calls.push('step'),
        r: () => calls.push('reset'),
      });
      return createElement(
        'div',
        null,
        createElement('button', { id: 'b' }, 'Compare optimizers'),
        createElement('input', { id: 'i', type: 'range' }),
      );
    }
    const host = mount(createElement(Probe));
    press(document.body, ' ');
    press(document.body, 'S');
    press(document.body, 'r');
    expect(calls).toEqual(['toggle', 'step', 'reset']);
    press(host.querySelector('#b')!, ' ');
    press(host.querySelector('#i')!, 's');
    expect(calls).toHaveLength(3);
    expect(isControl(host.querySelector('#i'))).toBe(true);
    expect(isControl(document.body)).toBe(false);
  });

  it('keeps buttons from taking focus on a mouse click', () => {
    function Probe() {
      useShortcuts({ ' ': () => {}, s: () => {}, r: () => {} });
      return createElement('button', { id: 'b' }, createElement('span', { id: 'label' }, 'Compare'));
    }
    const host = mount(createElement(Probe));
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    host.querySelector('#label')!.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    const elsewhere = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(elsewhere);
    expect(elsewhere.defaultPrevented).toBe(false);
  });
});

describe('ShortcutHelp', () => {
  it('lists the shortcuts on "?" and closes on Escape', () => {
    const host = mount(createElement(ShortcutHelp));
    expect(host.querySelector('[role="dialog"]')).toBeNull();
    press(document.body, '?');
    expect(host.querySelector('[role="dialog"]')?.textContent).toMatch(
      /Space.*pause \/ resume.*S.*train one step.*R.*reset/,
    );
    press(document.body, 'Escape');
    expect(host.querySelector('[role="dialog"]')).toBeNull();
  });
});

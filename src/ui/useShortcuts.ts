// Keyboard shortcuts: Space pauses and resumes, S trains one step, R resets. None fires while a button,
// field, select or slider has focus (they keep their own keys: Space on a focused button presses it),
// and buttons do not keep focus after a mouse click, so Space after clicking "Compare optimizers"
// pauses the race instead of starting it again.
import { useEffect, useRef } from 'react';

/** Whether a key pressed with this target belongs to a control rather than to the page. */
export function isControl(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(el.tagName) || el.isContentEditable === true;
}

export type ShortcutKey = ' ' | 's' | 'r';

export function useShortcuts(actions: Record<ShortcutKey, () => void>): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || isControl(e.target)) return;
      const key = e.key.toLowerCase();
      if (key !== ' ' && key !== 's' && key !== 'r') return;
      e.preventDefault();
      latest.current[key]();
    };
    // A mouse click leaves focus where it was; keyboard users still Tab to buttons as usual.
    const onMouseDown = (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest?.('button')) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onMouseDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onMouseDown);
    };
  }, []);
}

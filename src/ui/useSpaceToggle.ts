// Space pauses and resumes training, except while typing or when a button/select has focus.
import { useEffect, useRef } from 'react';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);

export function useSpaceToggle(toggle: () => void): void {
  const latest = useRef(toggle);
  useEffect(() => {
    latest.current = toggle;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      // A range slider keeps Space free for us; text fields and buttons keep their own meaning.
      if (
        el &&
        TYPING.has(el.tagName) &&
        !(el instanceof HTMLInputElement && (el.type === 'range' || el.type === 'checkbox'))
      )
        return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

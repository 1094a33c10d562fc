// The "?" button (and key) that lists the keyboard shortcuts, so a class can find them.
import { useEffect, useId, useState } from 'react';
import { isControl } from './useShortcuts';

const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'pause / resume training'],
  ['S', 'train one step'],
  ['R', 'reset to the initial weights'],
  ['← →', 'move a focused slider'],
  ['?', 'show or hide this list'],
];

export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
      else if (e.key === '?' && !isControl(e.target)) setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <span className="shortcut-help">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label="Keyboard shortcuts"
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open && (
        <div id={id} className="shortcut-list" role="dialog" aria-label="Keyboard shortcuts">
          <dl>
            {SHORTCUTS.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </span>
  );
}

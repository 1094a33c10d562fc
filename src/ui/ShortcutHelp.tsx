// The "?" button (and key) that lists the keyboard shortcuts, so a class can find them.
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import type { Messages } from '../i18n/messages';
import { isControl } from './useShortcuts';

function shortcuts(m: Messages): readonly [string, string][] {
  const what = m.page.shortcutList;
  return [
    [m.page.spaceKey, what.space],
    ['S', what.s],
    ['R', what.r],
    ['← →', what.arrows],
    ['?', what.help],
  ];
}

export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { m } = useI18n();
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
        aria-label={m.page.shortcuts}
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open && (
        <div id={id} className="shortcut-list" role="dialog" aria-label={m.page.shortcuts}>
          <dl>
            {shortcuts(m).map(([key, what]) => (
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

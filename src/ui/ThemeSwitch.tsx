// The "Theme" choice: system, light or dark. Remembered in this browser, never in a link.
import { useId } from 'react';
import { useI18n } from '../i18n/I18n';
import { parseTheme, THEMES, useTheme } from './useTheme';

export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  const id = useId();
  const { m } = useI18n();
  return (
    <div className="page-switch">
      <label htmlFor={id}>{m.page.theme}</label>
      <select id={id} value={theme} onChange={(e) => setTheme(parseTheme(e.target.value))}>
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {m.page.themes[t]}
          </option>
        ))}
      </select>
    </div>
  );
}

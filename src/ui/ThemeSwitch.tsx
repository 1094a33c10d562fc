// The "Theme" choice: system, light or dark. Remembered in this browser, never in a link.
import { useId } from 'react';
import { parseTheme, THEMES, useTheme } from './useTheme';

const LABELS = { system: 'System', light: 'Light', dark: 'Dark' } as const;

export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  const id = useId();
  return (
    <div className="theme-switch">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={theme} onChange={(e) => setTheme(parseTheme(e.target.value))}>
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}

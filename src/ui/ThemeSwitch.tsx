// The "Theme" choice: system, light or dark. Remembered in this browser, never in a link.
import { useI18n } from '../i18n/I18n';
import { PageSelect } from './PageSelect';
import { THEMES, useTheme } from './useTheme';

export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  const { m } = useI18n();
  return (
    <PageSelect
      label={m.page.theme}
      value={theme}
      options={THEMES}
      names={m.page.themes}
      onChange={setTheme}
    />
  );
}

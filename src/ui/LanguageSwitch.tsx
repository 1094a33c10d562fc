// The "Language / 语言" choice: switches every text at once; the runs and curves stay as they are.
import { useId } from 'react';
import { useI18n } from '../i18n/I18n';
import { LANG_NAMES, LANGS, LANG_TAGS, parseLang } from '../i18n/lang';

export function LanguageSwitch() {
  const { lang, setLang, m } = useI18n();
  const id = useId();
  return (
    <div className="page-switch">
      <label htmlFor={id}>{m.page.languageBoth}</label>
      <select
        id={id}
        value={lang}
        aria-label={m.page.language}
        onChange={(e) => setLang(parseLang(e.target.value) ?? lang)}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={LANG_TAGS[l]}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

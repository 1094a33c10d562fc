// The "Language / 语言" choice: switches every text at once; the runs and curves stay as they are.
import { useI18n } from '../i18n/I18n';
import { LANG_NAMES, LANGS, LANG_TAGS } from '../i18n/lang';
import { PageSelect } from './PageSelect';

export function LanguageSwitch() {
  const { lang, setLang, m } = useI18n();
  return (
    <PageSelect
      label={m.page.languageBoth}
      value={lang}
      options={LANGS}
      names={LANG_NAMES}
      langs={LANG_TAGS}
      onChange={setLang}
    />
  );
}

// The page's language as React context: the catalogue, number formatters and the switch. English is
// the default value, so a component rendered on its own (tests, exports) still reads complete text.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Formatters } from './format';
import { LANG_TAGS, storeLang, type Lang } from './lang';
import { MESSAGES, type Messages } from './messages';

export interface I18n {
  lang: Lang;
  /** Whether the language was picked (a link's `lang` or the switch), so links should carry it. */
  chosen: boolean;
  m: Messages;
  f: Formatters;
  setLang(lang: Lang): void;
}

function i18nOf(lang: Lang, chosen: boolean, setLang: (l: Lang) => void): I18n {
  const m = MESSAGES[lang];
  return { lang, chosen, m, f: m.format, setLang };
}

export const I18nContext = createContext<I18n>(i18nOf('en', false, () => {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Sets `<html lang>` and the document title; the page calls it before the first paint too. */
export function applyLang(lang: Lang): void {
  document.documentElement.lang = LANG_TAGS[lang];
  document.title = MESSAGES[lang].page.title;
}

export function I18nProvider({
  initial,
  chosen: initiallyChosen,
  children,
}: {
  initial: Lang;
  chosen: boolean;
  children: ReactNode;
}) {
  const [state, setState] = useState({ lang: initial, chosen: initiallyChosen });
  const value = useMemo(
    () =>
      i18nOf(state.lang, state.chosen, (lang) => {
        storeLang(lang);
        setState({ lang, chosen: true });
      }),
    [state],
  );
  useEffect(() => applyLang(state.lang), [state.lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

// The page's languages and how one is chosen: a link's `lang`, else this browser's remembered choice,
// else the browser's preferred languages. Pure, except the small storage helpers at the end.

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** BCP 47 tags for `<html lang>` and Intl: Simplified Chinese as written in mainland China. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { en: 'en', zh: 'zh-CN' };

/** Each language's name in itself, as the switch lists it. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', zh: '中文' };

export const LANG_STORAGE_KEY = 'mnist-playground.lang';

export function parseLang(text: string | null | undefined): Lang | null {
  return LANGS.find((l) => l === text) ?? null;
}

/** The first of the browser's languages we have; any Chinese variant reads the Simplified catalogue. */
export function detectLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function readStoredLang(): Lang | null {
  try {
    return parseLang(localStorage.getItem(LANG_STORAGE_KEY));
  } catch {
    return null; // storage blocked (privacy mode): not remembered
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // not remembered; the page still switches
  }
}

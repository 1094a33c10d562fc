// Notices hold Texts (rendered in the page's language when shown); tests compare them as rendered.
import { MESSAGES } from '../../src/i18n/messages';
import type { Lang } from '../../src/i18n/lang';
import type { Notice } from '../../src/ui/notice';

export interface ShownNotice extends Omit<Notice, 'title' | 'lines' | 'action'> {
  title: string;
  lines?: string[];
  action?: string;
}

/** A notice as the page shows it in `lang`: title, lines and the action button's label as text. */
export function shown(n: Notice, lang: Lang = 'en'): ShownNotice {
  const m = MESSAGES[lang];
  const { title, lines, action, ...rest } = n;
  return {
    ...rest,
    title: title(m),
    ...(lines ? { lines: lines.map((l) => l(m)) } : {}),
    ...(action ? { action: action.label(m) } : {}),
  };
}

// Keys of a link that set up the page rather than the experiment: `lang` (en, zh), `view`
// (projector) and `lesson` (the lesson shown beside the experiment; alone, it opens the lesson's own). They are split off before the experiment is parsed and appended when the link is
// written, so experiment links and their tests do not change.
import { parseLang, type Lang } from '../i18n/lang';

export const VIEWS = ['default', 'projector', 'lab'] as const;
export type View = (typeof VIEWS)[number];

export interface PageOptions {
  /** null: not in the link (the page uses the remembered or the browser's language). */
  lang: Lang | null;
  view: View;
  /** The open lesson's id (only its form is checked here: urlState looks it up). */
  lesson: string | null;
}

export const DEFAULT_PAGE: PageOptions = { lang: null, view: 'default', lesson: null };

/** What a lesson id looks like. */
export const LESSON_ID = /^[a-z0-9-]{1,40}$/;

/** A key=value the page did not understand, for the link notice: `lang=fr`. */
export interface PageKeyProblem {
  key: 'lang' | 'view' | 'lesson';
  value: string;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The page's options out of a hash (or query), and the hash without them. A page key with a value
 * it does not know is dropped and reported; the last of repeated keys wins, like experiment keys.
 */
export function splitPageKeys(hash: string): { rest: string; page: PageOptions; problems: PageKeyProblem[] } {
  const lead = hash.startsWith('#') || hash.startsWith('?') ? hash[0]! : '';
  const body = hash.slice(lead.length);
  const page: PageOptions = { ...DEFAULT_PAGE };
  const problems: PageKeyProblem[] = [];
  const kept: string[] = [];
  for (const item of body === '' ? [] : body.split('&')) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    const value = decoded(eq < 0 ? '' : item.slice(eq + 1));
    if (key === 'lang') {
      const lang = parseLang(value);
      if (lang) page.lang = lang;
      else problems.push({ key, value });
    } else if (key === 'view') {
      const view = VIEWS.find((v) => v === value);
      if (view) page.view = view;
      else problems.push({ key, value });
    } else if (key === 'lesson') {
      if (LESSON_ID.test(value)) page.lesson = value;
      else problems.push({ key, value });
    } else {
      kept.push(item);
    }
  }
  return { rest: lead + kept.join('&'), page, problems };
}

/** `hash` (an experiment link) with the page's options appended; defaults are left out. */
export function withPageKeys(hash: string, page: PageOptions): string {
  const extra: string[] = [];
  if (page.lang) extra.push(`lang=${page.lang}`);
  if (page.view !== 'default') extra.push(`view=${page.view}`);
  if (page.lesson) extra.push(`lesson=${page.lesson}`);
  if (extra.length === 0) return hash;
  const body = hash.replace(/^#/, '');
  return `#${body === '' ? '' : `${body}&`}${extra.join('&')}`;
}

// The message catalogues: one section per part of the page, each written in English and Simplified
// Chinese side by side (catalogue/*.ts). The compiler refuses a Chinese section missing a key.
import { formattersFor, type Formatters } from './format';
import type { Lang } from './lang';
import { charts } from './catalogue/charts';
import { data } from './catalogue/data';
import { equations } from './catalogue/equations';
import { imports } from './catalogue/imports';
import { insight } from './catalogue/insight';
import { internals } from './catalogue/internals';
import { lab } from './catalogue/lab';
import { lessons } from './catalogue/lessons';
import { links } from './catalogue/links';
import { notices } from './catalogue/notices';
import { page } from './catalogue/page';
import { runs } from './catalogue/runs';
import { settings } from './catalogue/settings';
import { status } from './catalogue/status';
import { storage } from './catalogue/storage';
import { tune } from './catalogue/tune';
import { validation } from './catalogue/validation';
import { values } from './catalogue/values';

const SECTIONS = {
  page,
  status,
  settings,
  runs,
  charts,
  internals,
  equations,
  data,
  notices,
  validation,
  values,
  links,
  imports,
  storage,
  lab,
  lessons,
  insight,
  tune,
};
type Sections = typeof SECTIONS;

export type Messages = { readonly [K in keyof Sections]: Sections[K]['en'] } & {
  /** Numbers in the language's locale, so a Text can format the numbers it shows. */
  readonly format: Formatters;
};

function catalogue(lang: Lang): Messages {
  const out = {} as Record<keyof Sections, unknown>;
  for (const key of Object.keys(SECTIONS) as (keyof Sections)[]) out[key] = SECTIONS[key][lang];
  return { ...(out as Omit<Messages, 'format'>), format: formattersFor(lang) };
}

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en: catalogue('en'), zh: catalogue('zh') };

/** English, for modules and tests that run without the page's language (Node, exports). */
export const EN: Messages = MESSAGES.en;

// Keeps the experiment and the page's hash in step: read on load and on hashchange, written with
// replaceState on every change (so the Back button is not flooded). The page's own keys (`lang`,
// `view`) travel in the same hash but are split off before the experiment is parsed.
import { FIELDS } from '../config/schema';
import { splitPageKeys, withPageKeys, type PageOptions } from '../config/pageKeys';
import { experimentToHash, parseExperimentHash, type ParsedExperiment } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import type { Text } from '../i18n/text';
import { lessonById } from '../lessons/lessons';
import type { WebglMode } from '../shared/settings';
import { splitLabKeys, withLabKeys } from '../lab/link';
import type { LabSettings } from '../lab/settings';
import type { SearchForm } from '../tune/form';
import { splitTuneKeys, withTuneKeys } from '../tune/link';

export interface ParsedLocation extends ParsedExperiment {
  page: PageOptions;
  /** The 2-D lab's surface, start and steps (its keys ride along in every link). */
  lab: LabSettings;
  /** The random search's form (its keys ride along when they differ from the defaults). */
  tune: SearchForm;
}

/**
 * A `lesson` key with nothing else of an experiment opens that lesson's first part, exactly as its link
 * would; beside an experiment (the page writes both once a lesson is open), the experiment is kept.
 */
function withLesson(rest: string, page: PageOptions): { rest: string; page: PageOptions; unknown: boolean } {
  if (page.lesson === null) return { rest, page, unknown: false };
  const lesson = lessonById(page.lesson);
  if (!lesson) return { rest, page: { ...page, lesson: null }, unknown: true };
  // `webgl` is the page's startup choice, not part of an experiment: it may come along.
  const items = rest.replace(/^[#?]/, '').split('&').filter(Boolean);
  const startup = items.filter((item) => item.startsWith(`${FIELDS.webgl.urlKey}=`));
  if (startup.length !== items.length) return { rest, page, unknown: false };
  const first = lesson.parts[0]!;
  const expanded = `#${[first.link, ...startup].join('&')}`;
  return { rest: expanded, page: { ...page, view: first.view ?? page.view }, unknown: false };
}

/** Parses a hash; page keys with unknown values join the experiment's notices. */
export function parseLocation(hash: string): ParsedLocation {
  const split = splitPageKeys(hash);
  const { rest: withoutPage, page, unknown } = withLesson(split.rest, split.page);
  const { rest: withoutLab, lab, notices: labNotices } = splitLabKeys(withoutPage);
  const { rest, form: tune, notices: tuneNotices } = splitTuneKeys(withoutLab);
  const parsed = parseExperimentHash(rest);
  const pageNotices: Text[] = split.problems.map((p) => (m) => m.notices.pageKeyIgnored(p.key, p.value));
  if (unknown) {
    const id = split.page.lesson ?? '';
    pageNotices.push((m) => m.notices.pageKeyIgnored('lesson', id));
  }
  const notices = [...parsed.notices, ...labNotices, ...tuneNotices, ...pageNotices];
  return { ...parsed, notices, page, lab, tune };
}

export function readLocation(): ParsedLocation {
  return parseLocation(window.location.hash);
}

export function writeLocation(
  e: Experiment,
  webgl: WebglMode,
  page: PageOptions,
  lab: LabSettings,
  tune: SearchForm,
): void {
  const hash = withPageKeys(withTuneKeys(withLabKeys(experimentToHash(e, webgl), lab), tune), page);
  if (window.location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Calls `onChange` when the user navigates to a different link (back/forward, pasted link). */
export function watchLocation(onChange: (parsed: ParsedLocation) => void): () => void {
  const handler = () => onChange(readLocation());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

// Keeps the experiment and the page's hash in step: read on load and on hashchange, written with
// replaceState on every change (so the Back button is not flooded). The page's own keys (`lang`,
// `view`) travel in the same hash but are split off before the experiment is parsed.
import { splitPageKeys, withPageKeys, type PageOptions } from '../config/pageKeys';
import { experimentToHash, parseExperimentHash, type ParsedExperiment } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import type { Text } from '../i18n/text';
import type { WebglMode } from '../shared/settings';

export interface ParsedLocation extends ParsedExperiment {
  page: PageOptions;
}

/** Parses a hash; page keys with unknown values join the experiment's notices. */
export function parseLocation(hash: string): ParsedLocation {
  const { rest, page, problems } = splitPageKeys(hash);
  const parsed = parseExperimentHash(rest);
  const pageNotices: Text[] = problems.map((p) => (m) => m.notices.pageKeyIgnored(p.key, p.value));
  return { ...parsed, notices: [...parsed.notices, ...pageNotices], page };
}

export function readLocation(): ParsedLocation {
  return parseLocation(window.location.hash);
}

export function writeLocation(e: Experiment, webgl: WebglMode, page: PageOptions): void {
  const hash = withPageKeys(experimentToHash(e, webgl), page);
  if (window.location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Calls `onChange` when the user navigates to a different link (back/forward, pasted link). */
export function watchLocation(onChange: (parsed: ParsedLocation) => void): () => void {
  const handler = () => onChange(readLocation());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

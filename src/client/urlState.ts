// Keeps the experiment and the page's hash in step: read on load and on hashchange, written with
// replaceState on every change (so the Back button is not flooded).
import { experimentToHash, parseExperimentHash } from '../experiment/link';
import type { Experiment } from '../experiment/types';
import type { WebglMode } from '../shared/settings';

export type ParsedLocation = ReturnType<typeof parseExperimentHash>;

export function readLocation(): ParsedLocation {
  return parseExperimentHash(window.location.hash);
}

export function writeLocation(e: Experiment, webgl: WebglMode): void {
  const hash = experimentToHash(e, webgl);
  if (window.location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Calls `onChange` when the user navigates to a different link (back/forward, pasted link). */
export function watchLocation(onChange: (parsed: ParsedLocation) => void): () => void {
  const handler = () => onChange(readLocation());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

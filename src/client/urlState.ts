// Keeps the run configuration and the page's hash in step: read on load and on hashchange,
// written with replaceState on every change (so the Back button is not flooded).
import { configToHash, parseHash, type ParsedHash } from '../config/url';
import type { RunConfig } from '../config/schema';

export function readLocation(): ParsedHash {
  return parseHash(window.location.hash);
}

export function writeLocation(config: RunConfig): void {
  const hash = configToHash(config);
  if (window.location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Calls `onChange` when the user navigates to a different configuration (back/forward, pasted link). */
export function watchLocation(onChange: (parsed: ParsedHash) => void): () => void {
  const handler = () => onChange(readLocation());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

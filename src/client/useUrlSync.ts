// Keeps the page's hash in step with the experiment and the page's options: every change is written
// (replaceState), and a link the user navigates to (back/forward, a pasted link) goes to `onNavigate`.
import { useEffect } from 'react';
import type { PageOptions } from '../config/pageKeys';
import type { Experiment } from '../experiment/types';
import type { WebglMode } from '../shared/settings';
import { watchLocation, writeLocation, type ParsedLocation } from './urlState';

export function useUrlSync(
  experiment: Experiment,
  webgl: WebglMode,
  page: PageOptions,
  onNavigate: (parsed: ParsedLocation) => void,
): void {
  const { lang, view } = page;
  useEffect(() => writeLocation(experiment, webgl, { lang, view }), [experiment, webgl, lang, view]);
  useEffect(() => watchLocation(onNavigate), [onNavigate]);
}

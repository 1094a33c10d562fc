// Keeps the page's hash in step with the experiment: every change is written (replaceState), and a
// link the user navigates to (back/forward, a pasted link) is handed to `onNavigate`.
import { useEffect } from 'react';
import type { Experiment } from '../experiment/types';
import type { WebglMode } from '../shared/settings';
import { watchLocation, writeLocation, type ParsedLocation } from './urlState';

export function useUrlSync(
  experiment: Experiment,
  webgl: WebglMode,
  onNavigate: (parsed: ParsedLocation) => void,
): void {
  useEffect(() => writeLocation(experiment, webgl), [experiment, webgl]);
  useEffect(() => watchLocation(onNavigate), [onNavigate]);
}

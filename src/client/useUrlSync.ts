// Keeps the page's hash in step with the experiment and the page's options: every change is written
// (replaceState), and a link the user navigates to (back/forward, a pasted link) goes to `onNavigate`.
import { useEffect } from 'react';
import type { PageOptions } from '../config/pageKeys';
import type { Experiment } from '../experiment/types';
import type { LabSettings } from '../lab/settings';
import type { SearchForm } from '../tune/form';
import { useSettled } from '../lab/useSettled';
import type { WebglMode } from '../shared/settings';
import { watchLocation, writeLocation, type ParsedLocation } from './urlState';

export function useUrlSync(
  experiment: Experiment,
  webgl: WebglMode,
  page: PageOptions,
  /** Written a moment after it settles: a drag in the lab changes it every frame, and browsers throttle history writes. */
  lab: LabSettings,
  tune: SearchForm,
  onNavigate: (parsed: ParsedLocation) => void,
): void {
  const { lang, view, lesson } = page;
  const settledLab = useSettled(lab, LAB_WRITE_MS);
  useEffect(
    () => writeLocation(experiment, webgl, { lang, view, lesson }, settledLab, tune),
    [experiment, webgl, lang, view, lesson, settledLab, tune],
  );
  useEffect(() => watchLocation(onNavigate), [onNavigate]);
}

const LAB_WRITE_MS = 200;

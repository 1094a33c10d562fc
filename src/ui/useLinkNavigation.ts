// A link the user navigates to (back/forward, a pasted link) replaces the experiment: its ignored items
// replace the old link's notice, its first run is selected and training starts over from it. Its page
// keys switch the language and view; the page's current ones are written into the link.
import { useCallback } from 'react';
import type { ParsedLocation } from '../client/urlState';
import type { useExperiment } from '../client/useExperiment';
import { useUrlSync } from '../client/useUrlSync';
import type { PageOptions, View } from '../config/pageKeys';
import type { Experiment } from '../experiment/types';
import { useI18n } from '../i18n/I18n';
import type { Text } from '../i18n/text';
import type { LabSettings } from '../lab/settings';
import type { SearchForm } from '../tune/form';
import type { WebglMode } from '../shared/settings';

interface Deps {
  exp: ReturnType<typeof useExperiment>;
  webgl: WebglMode;
  view: View;
  setView(view: View): void;
  lesson: string | null;
  setLesson(id: string | null): void;
  lab: LabSettings;
  setLab(lab: LabSettings): void;
  tune: SearchForm;
  setTune(form: SearchForm): void;
  setLinkProblems(problems: readonly Text[]): void;
  select(id: string): void;
  run: { reset(e: Experiment): void };
}

export function useLinkNavigation({
  exp,
  webgl,
  view,
  setView,
  lesson,
  setLesson,
  lab,
  setLab,
  tune,
  setTune,
  setLinkProblems,
  select,
  run,
}: Deps): void {
  const { experiment, update } = exp;
  const { reset } = run;
  const { lang, chosen, setLang } = useI18n();
  const onNavigate = useCallback(
    (parsed: ParsedLocation) => {
      const { experiment: next, notices, page } = parsed;
      setLinkProblems(notices);
      if (page.lang) setLang(page.lang);
      setView(page.view);
      setLesson(page.lesson);
      setLab(parsed.lab);
      setTune(parsed.tune);
      update(() => next);
      select(next.runs[0]!.id);
      reset(next);
    },
    [setLinkProblems, setLang, setView, setLesson, setLab, setTune, update, select, reset],
  );
  const page: PageOptions = { lang: chosen ? lang : null, view, lesson };
  useUrlSync(experiment, webgl, page, lab, tune, onNavigate);
}

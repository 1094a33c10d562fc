// The page's wiring, shared by every view: the experiment (mirrored in the URL), the training worker,
// the selected run, notices, links and data actions. Views only lay out what this returns.
import { useCallback, useState } from 'react';
import type { ParsedLocation } from '../client/urlState';
import { useExperiment } from '../client/useExperiment';
import { useTraining } from '../client/useTraining';
import type { TraceTarget } from '../shared/trace';
import type { DisplayOptions } from './SettingsPanel';
import { useChartExport } from './useChartExport';
import { useCopyLink } from './useCopyLink';
import { useDataActions } from './useDataActions';
import { useLabRuns } from './useLabRuns';
import { useLinkNavigation } from './useLinkNavigation';
import { useNotices } from './useNotices';
import { useRunControls } from './useRunControls';
import { useRunListActions } from './useRunListActions';
import { useSelectedRun } from './useSelectedRun';
import { laneTrains } from './settingRoute';
import { useSettingRouting } from './useSettingRouting';

export type Playground = ReturnType<typeof usePlayground>;

/** `initial`: the link the page was opened with (main.tsx reads it once, before the first render). */
export function usePlayground(initial: ParsedLocation) {
  const exp = useExperiment(initial.experiment);
  const { experiment, drafts } = exp;
  const training = useTraining(initial.experiment, initial.webgl === 'software', exp.recordApplied, exp.ref);
  const { snap } = training;
  const notices = useNotices(initial.notices, snap, experiment.runs, training.retryLoad);
  const run = useRunControls(initial.experiment, exp, training);
  const { selected, select, settings, settingsRef } = useSelectedRun(exp, snap.step, run.laneIds);
  const [display, setDisplay] = useState<DisplayOptions>({ smoothing: 0.9, logScale: false });
  const [view, setView] = useState(initial.page.view);
  const [lesson, setLesson] = useState(initial.page.lesson);
  const [lab, setLab] = useState(initial.lab);
  const [tune, setTune] = useState(initial.tune);
  const labRuns = useLabRuns(experiment.runs, drafts, run.laneIds, snap.step);
  const [followTarget, setFollowTarget] = useState<TraceTarget>('largest');
  const { follow } = training;
  const onFollow = useCallback(
    (target: TraceTarget) => {
      setFollowTarget(target);
      follow(target);
    },
    [follow],
  );
  const config = { ...experiment.shared, ...settings, webgl: initial.webgl };
  const onChange = useSettingRouting({
    exp,
    selectedId: selected.id,
    trains: laneTrains(snap, selected.id, run.laneIds),
    run,
    shownSettings: settingsRef,
  });
  // What the link carries besides the experiment: views show it, a navigated link replaces it.
  const pageState = { view, setView, lesson, setLesson, lab, setLab, tune, setTune };
  useLinkNavigation({
    exp,
    webgl: initial.webgl,
    ...pageState,
    setLinkProblems: notices.setLinkProblems,
    select,
    run,
  });
  const copyLink = useCopyLink(notices.addNotice);
  const { addRun, ...runActions } = useRunListActions({
    exp,
    selectedId: selected.id,
    step: snap.step,
    run,
    select,
  });
  const data = useDataActions({
    experiment,
    snap,
    addNotice: notices.addNotice,
    model: { run: selected, shared: run.trainedShared, checkpoint: training.checkpoint, pause: run.pause },
    pool: training.pool,
  });
  const charts = useChartExport(notices.addNotice);
  return {
    exp,
    experiment,
    drafts,
    training,
    snap,
    notices,
    run,
    selected,
    select,
    settings,
    display,
    setDisplay,
    ...pageState,
    labRuns,
    followTarget,
    onFollow,
    config,
    onChange,
    copyLink,
    addRun,
    runActions,
    data,
    charts,
  };
}

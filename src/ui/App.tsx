// Page composition: the experiment (mirrored in the URL), the training worker, and the panels.
// Holds no logic of its own; hooks and pure functions in this folder do, and every number comes from the worker.
import { useCallback, useState } from 'react';
import type { ParsedLocation } from '../client/urlState';
import { useExperiment } from '../client/useExperiment';
import type { TraceTarget } from '../shared/trace';
import { useTraining } from '../client/useTraining';
import { InsightSection } from '../insight/InsightSection';
import { LabView } from '../lab/LabView';
import { LessonCard } from '../lessons/LessonCard';
import { LessonList } from '../lessons/LessonList';
import { TunePanel } from '../tune/TunePanel';
import { ChartsSection } from './ChartsSection';
import { Header } from './Header';
import { LoadingBar } from './LoadingBar';
import { Notices } from './Notices';
import { ProjectorStatus } from './ProjectorStatus';
import { RunList } from './RunList';
import { optimizersAt, pendingIdsOf } from './runViews';
import { SettingsPanel, type DisplayOptions } from './SettingsPanel';
import { StatusPanel } from './StatusPanel';
import { Toolbar } from './Toolbar';
import { useChartExport } from './useChartExport';
import { useCopyLink } from './useCopyLink';
import { useDataActions } from './useDataActions';
import { useLinkNavigation } from './useLinkNavigation';
import { useNotices } from './useNotices';
import { useRunControls } from './useRunControls';
import { useRunListActions } from './useRunListActions';
import { useSelectedRun } from './useSelectedRun';
import { laneTrains } from './settingRoute';
import { useSettingRouting } from './useSettingRouting';
import { downloadBlob, fileStamp } from './download';
import { useLabRuns } from './useLabRuns';
import { VIEW_PANEL_ID, ViewTabs } from './ViewTabs';

/** `initial`: the link the page was opened with (main.tsx reads it once, before the first render). */
export function App({ initial }: { initial: ParsedLocation }) {
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
  const [tuneForm, setTuneForm] = useState(initial.tune);
  const inLab = view === 'lab';
  const labRuns = useLabRuns(experiment.runs, drafts, run.laneIds, snap.step);
  const projector = view === 'projector';
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
  useLinkNavigation({
    exp,
    webgl: initial.webgl,
    view,
    setView,
    lesson,
    setLesson,
    lab,
    setLab,
    tune: tuneForm,
    setTune: setTuneForm,
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
  const data = useDataActions({ experiment, snap, addNotice: notices.addNotice });
  const charts = useChartExport(notices.addNotice);

  return (
    <div className={projector ? 'app app-projector' : 'app'}>
      <Header backend={snap.backend} view={view} onView={setView} net={run.trainedShared} />
      <Notices notices={notices.shown} onDismiss={notices.dismiss} />
      {snap.loading && <LoadingBar loaded={snap.loading.loadedBytes} total={snap.loading.totalBytes} />}
      <Toolbar
        state={snap.state}
        ready={snap.dataReady && !snap.fatal}
        onStart={run.start}
        onPause={run.pause}
        onStep={run.step}
        onReset={run.resetToCurrent}
        onCopyLink={copyLink}
      >
        <LessonList view={view} />
      </Toolbar>
      {lesson && (
        <LessonCard id={lesson} experiment={experiment} view={view} onClose={() => setLesson(null)} />
      )}
      {!projector && !inLab && (
        <StatusPanel
          snap={snap}
          lane={snap.lanes[selected.id]}
          runName={experiment.runs.length > 1 ? selected.name : null}
          model={run.trainedShared.model}
        />
      )}
      {!projector && (
        <RunList
          runs={experiment.runs}
          optimizers={optimizersAt(experiment.runs, drafts, snap.step)}
          lanes={snap.lanes}
          selectedId={selected.id}
          pendingIds={pendingIdsOf(experiment.runs, run.laneIds)}
          onSelect={select}
          {...runActions}
        />
      )}
      {!projector && <ViewTabs view={view} onView={setView} />}
      <main className="layout" id={VIEW_PANEL_ID}>
        <aside>
          {projector && (
            // Beside the charts, so the charts keep the screen's height.
            <ProjectorStatus
              snap={snap}
              runs={experiment.runs}
              selectedId={selected.id}
              lane={snap.lanes[selected.id]}
              onSelect={select}
              model={run.trainedShared.model}
            />
          )}
          <SettingsPanel
            config={config}
            runConfig={{ ...config, ...run.trainedShared }}
            display={display}
            onChange={onChange}
            onDisplay={setDisplay}
            compact={projector}
          />
        </aside>
        {inLab ? (
          <LabView
            runs={labRuns}
            lab={lab}
            seed={experiment.shared.seed}
            onLabChange={setLab}
            onDownload={onDownload}
          />
        ) : (
          <ChartsSection
            snap={snap}
            runs={experiment.runs}
            display={display}
            lossRef={charts.refs.loss}
            accuracyRef={charts.refs.accuracy}
            data={data}
            onExportChart={charts.exportChart}
            onForgetChanges={run.forgetChanges}
            trainedRuns={run.trainedRuns}
            projector={projector}
            selectedId={selected.id}
            followTarget={followTarget}
            onFollow={onFollow}
            model={run.trainedShared.model}
          />
        )}
        {!projector && !inLab && (
          <InsightSection
            ask={training.ask}
            listen={training.listenInsight}
            runId={snap.runId}
            lane={selected.id in snap.lanes ? selected.id : null}
            step={snap.step}
            stepsPerEpoch={snap.stepsPerEpoch}
            dataReady={snap.dataReady}
            dataComplete={snap.dataComplete}
          />
        )}
      </main>
      {!projector && !inLab && (
        <TunePanel
          tune={training.tune}
          shared={experiment.shared}
          run={{ name: selected.name, settings }}
          runCount={experiment.runs.length}
          ready={snap.dataComplete && !snap.fatal}
          onChange={onChange}
          searchForm={tuneForm}
          onSearchForm={setTuneForm}
          onLoadRun={addRun}
          onDownload={onDownload}
        />
      )}
    </div>
  );
}

function onDownload(blob: Blob, name: (stamp: string) => string): void {
  downloadBlob(blob, name(fileStamp()));
}

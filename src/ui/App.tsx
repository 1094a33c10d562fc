// Page wiring: the experiment (mirrored in the URL), the training worker, and the panels.
// Holds no training logic; every number shown comes from worker events via the session store.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AccuracyChart } from '../charts/AccuracyChart';
import { LossChart } from '../charts/LossChart';
import type { ChartRun } from '../charts/types';
import { LiveChanges } from '../client/liveChanges';
import { readLocation, watchLocation, writeLocation } from '../client/urlState';
import { useExperiment } from '../client/useExperiment';
import { useTraining } from '../client/useTraining';
import type { Experiment } from '../experiment/types';
import { markersOf, settingsAt } from '../experiment/timeline';
import { isLiveChange, withChange, type RunConfig, type SettingChange } from '../shared/settings';
import { ChangeLog } from './ChangeLog';
import { DataBar } from './DataBar';
import { LoadingBar } from './LoadingBar';
import { Notices, type Notice } from './Notices';
import { RunList } from './RunList';
import { SettingsPanel, type DisplayOptions } from './SettingsPanel';
import { StatusPanel } from './StatusPanel';
import { Toolbar } from './Toolbar';
import { useCopyLink } from './useCopyLink';
import { useDataActions } from './useDataActions';
import { useRunListActions } from './useRunListActions';
import { useLagged } from './useLagged';
import { useSpaceToggle } from './useSpaceToggle';

const initial = readLocation();

function linkNotice(notices: string[]): Notice[] {
  return notices.length
    ? [
        {
          id: `link-${Date.now()}`,
          tone: 'warning',
          title: 'Some settings in the link were ignored',
          lines: notices,
        },
      ]
    : [];
}

export function App() {
  const exp = useExperiment(initial.experiment);
  const { experiment, ref, update, drafts, draft, clearDrafts, recordApplied } = exp;
  const [runExperiment, setRunExperiment] = useState<Experiment>(initial.experiment);
  const [selectedId, setSelectedId] = useState(initial.experiment.runs[0]!.id);
  const [display, setDisplay] = useState<DisplayOptions>({ smoothing: 0.9, logScale: false });
  const [notices, setNotices] = useState<Notice[]>(() => linkNotice(initial.notices));
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const training = useTraining(initial.experiment, initial.webgl === 'software', recordApplied);
  const { snap, reset, start, pause, step, change } = training;
  const live = useMemo(() => new LiveChanges(change), [change]);

  const addNotice = useCallback(
    (n: Notice) => setNotices((ns) => [...ns.filter((x) => x.id !== n.id), n]),
    [],
  );
  const dismiss = useCallback((id: string) => {
    setNotices((ns) => ns.filter((n) => n.id !== id));
    setDismissed((d) => new Set(d).add(id));
  }, []);

  useEffect(() => writeLocation(experiment, initial.webgl), [experiment]);

  const doReset = useCallback(
    (e: Experiment) => {
      live.cancel();
      clearDrafts();
      setRunExperiment(e);
      reset(e);
    },
    [live, clearDrafts, reset],
  );

  useEffect(
    () =>
      watchLocation(({ experiment: next, notices: problems }) => {
        setNotices((ns) => [...ns.filter((n) => !n.id.startsWith('link-')), ...linkNotice(problems)]);
        update(() => next);
        setSelectedId(next.runs[0]!.id);
        doReset(next);
      }),
    [doReset, update],
  );

  const selected = experiment.runs.find((r) => r.id === selectedId) ?? experiment.runs[0]!;
  const laneIds = useMemo(() => new Set(runExperiment.runs.map((r) => r.id)), [runExperiment]);
  const running = laneIds.has(selected.id);
  // The selected run's settings as they stand at the next step, with edits not yet acknowledged on top.
  const settings = { ...settingsAt(selected, running ? snap.step + 1 : 1), ...drafts[selected.id] };
  const config: RunConfig = { ...experiment.shared, ...settings, webgl: initial.webgl };
  const runConfig: RunConfig = { ...config, ...runExperiment.shared };
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  });

  const onChange = useCallback(
    (change: SettingChange) => {
      if (isLiveChange(change)) {
        const run = ref.current.runs.find((r) => r.id === selected.id);
        if (!run) return;
        draft(run.id, change);
        // A run that joins on Reset has no lane yet: its edit is simply its starting setting.
        if (laneIds.has(run.id)) live.edit(run.id, settingsRef.current[change.key], change);
        else exp.updateRun(run.id, (r) => ({ ...r, initial: withChange(r.initial, change) }));
      } else if (change.key !== 'webgl') {
        update((e) => ({ ...e, shared: { ...e.shared, [change.key]: change.value } }));
      }
    },
    [ref, selected.id, draft, laneIds, live, exp, update],
  );

  const onStart = useCallback(() => {
    live.flush();
    start();
  }, [live, start]);
  const onStep = useCallback(() => {
    live.flush();
    step();
  }, [live, step]);
  const togglePause = useCallback(() => {
    if (snap.state === 'running') pause();
    else if (snap.state === 'idle' || snap.state === 'paused') onStart();
  }, [snap.state, pause, onStart]);
  useSpaceToggle(togglePause);
  const copyLink = useCopyLink(addNotice);
  const runActions = useRunListActions({
    exp,
    selectedId: selected.id,
    snapStep: snap.step,
    doReset,
    start: onStart,
    setSelectedId,
  });
  const data = useDataActions({ experiment, snap, addNotice });

  // Notices that follow the worker's state are derived, not stored; dismissing one hides it by id.
  const workerNotices: Notice[] = [];
  if (snap.backend?.fallbackReason)
    workerNotices.push({
      id: 'backend',
      tone: 'warning',
      title: `Training on the CPU: ${snap.backend.fallbackReason}. It works, only slower.`,
    });
  if (snap.fatal) workerNotices.push({ id: `fatal:${snap.fatal}`, tone: 'error', title: snap.fatal });
  if (snap.lastRejected)
    workerNotices.push({
      id: `rejected:${snap.lastRejected}`,
      tone: 'error',
      title: `Change refused: ${snap.lastRejected}`,
    });
  for (const r of experiment.runs) {
    const stopped = snap.lanes[r.id]?.stopped;
    if (stopped)
      workerNotices.push({
        id: `stopped:${snap.runId}:${r.id}`,
        tone: 'warning',
        title: `${r.name}: ${stopped}`,
      });
  }
  const shown = [...notices, ...workerNotices.filter((n) => !dismissed.has(n.id))];

  const chartRuns: ChartRun[] = useMemo(
    () => [
      ...experiment.runs
        .filter((r) => !r.hidden && snap.lanes[r.id])
        .map((r) => ({
          id: r.id,
          name: r.name,
          color: r.color,
          points: snap.lanes[r.id]!.points,
          validation: snap.lanes[r.id]!.validation,
          markers: markersOf(r),
        })),
      ...data.overlays,
    ],
    [experiment.runs, snap.lanes, data.overlays],
  );
  // The accuracy chart redraws one task after the loss chart: two shorter tasks instead of one long one.
  const accuracyVersion = useLagged(snap.version);
  const emptyHint = snap.dataReady ? 'Press Start to train' : 'Loading MNIST…';
  const testAccuracy = snap.lanes[selected.id]?.test ?? null;

  return (
    <div className="app">
      <header>
        <h1>MNIST optimizer playground</h1>
        <p className="subtitle">
          784 → 128 ReLU → 10 · hand-written SGD, momentum and Adam on{' '}
          {snap.backend?.backend === 'cpu' ? 'the CPU' : 'WebGL'}
        </p>
      </header>
      <Notices notices={shown} onDismiss={dismiss} />
      {snap.loading && <LoadingBar loaded={snap.loading.loadedBytes} total={snap.loading.totalBytes} />}
      <Toolbar
        state={snap.state}
        ready={snap.dataReady && !snap.fatal}
        onStart={onStart}
        onPause={pause}
        onStep={onStep}
        onReset={() => doReset(ref.current)}
        onCopyLink={copyLink}
      />
      <StatusPanel
        snap={snap}
        lane={snap.lanes[selected.id]}
        test={testAccuracy}
        runName={experiment.runs.length > 1 ? selected.name : null}
      />
      <RunList
        runs={experiment.runs}
        optimizers={Object.fromEntries(
          experiment.runs.map((r) => [
            r.id,
            drafts[r.id]?.optimizer ?? settingsAt(r, snap.step + 1).optimizer,
          ]),
        )}
        lanes={snap.lanes}
        selectedId={selected.id}
        pendingIds={new Set(experiment.runs.filter((r) => !laneIds.has(r.id)).map((r) => r.id))}
        onSelect={setSelectedId}
        {...runActions}
      />
      <main className="layout">
        <aside>
          <SettingsPanel
            config={config}
            runConfig={runConfig}
            display={display}
            onChange={onChange}
            onDisplay={setDisplay}
          />
        </aside>
        <section className="charts">
          <LossChart
            runs={chartRuns}
            smoothing={display.smoothing}
            logScale={display.logScale}
            stepsPerEpoch={snap.stepsPerEpoch}
            version={snap.version}
            emptyHint={emptyHint}
          />
          <AccuracyChart
            runs={chartRuns}
            smoothing={display.smoothing}
            stepsPerEpoch={snap.stepsPerEpoch}
            version={accuracyVersion}
            emptyHint={emptyHint}
          />
          <DataBar
            overlayCount={data.overlays.length}
            onExport={data.exportData}
            onExportChart={data.exportChart}
            onImport={data.importFile}
            onClearAll={data.clearAll}
          />
          <ChangeLog
            runs={experiment.runs}
            upTo={snap.step}
            onForget={() => {
              update((e) => ({ ...e, runs: e.runs.map((r) => ({ ...r, timeline: [] })) }));
              doReset(ref.current);
            }}
          />
        </section>
      </main>
    </div>
  );
}

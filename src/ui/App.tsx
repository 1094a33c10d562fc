// Page wiring: the configuration (mirrored in the URL), the training worker, and the panels.
// Holds no training logic; every number shown comes from worker events via the session store.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AccuracyChart } from '../charts/AccuracyChart';
import { LossChart } from '../charts/LossChart';
import { RUN_COLORS, type ChartRun } from '../charts/types';
import { isHyperKey, LiveChanges } from '../client/liveChanges';
import { readLocation, watchLocation, writeLocation } from '../client/urlState';
import { useTraining } from '../client/useTraining';
import type { FieldKey, RunConfig } from '../config/schema';
import { ChangeLog } from './ChangeLog';
import { LoadingBar } from './LoadingBar';
import { Notices, type Notice } from './Notices';
import { SettingsPanel, type DisplayOptions } from './SettingsPanel';
import { StatusPanel } from './StatusPanel';
import { Toolbar } from './Toolbar';
import { useCopyLink } from './useCopyLink';
import { useSpaceToggle } from './useSpaceToggle';

const initial = readLocation();

function linkNotice(notices: string[]): Notice[] {
  return notices.length ? [{ id: `link-${Date.now()}`, tone: 'warning', title: 'Some settings in the link were ignored', lines: notices }] : [];
}

export function App() {
  const [config, setConfig] = useState<RunConfig>(initial.config);
  const [runConfig, setRunConfig] = useState<RunConfig>(initial.config);
  const [display, setDisplay] = useState<DisplayOptions>({ smoothing: 0.9, logScale: false });
  const [notices, setNotices] = useState<Notice[]>(() => linkNotice(initial.notices));
  const training = useTraining(initial.config);
  const { snap, reset, start, pause, step, change } = training;
  const live = useMemo(() => new LiveChanges(change), [change]);
  // The latest config for callbacks that must not re-create on every edit; updated with each setConfig.
  const configRef = useRef(config);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  const addNotice = useCallback((n: Notice) => setNotices((ns) => [...ns.filter((x) => x.id !== n.id), n]), []);
  const dismiss = useCallback((id: string) => {
    setNotices((ns) => ns.filter((n) => n.id !== id));
    setDismissed((d) => new Set(d).add(id));
  }, []);

  useEffect(() => writeLocation(config), [config]);

  const doReset = useCallback(
    (c: RunConfig) => {
      live.cancel();
      setRunConfig(c);
      reset(c);
    },
    [live, reset],
  );

  useEffect(
    () =>
      watchLocation(({ config: next, notices: problems }) => {
        setNotices((ns) => [...ns.filter((n) => !n.id.startsWith('link-')), ...linkNotice(problems)]);
        configRef.current = next;
        setConfig(next);
        doReset(next);
      }),
    [doReset],
  );

  const onChange = useCallback(
    <K extends FieldKey>(key: K, value: RunConfig[K]) => {
      const prev = configRef.current;
      const next = { ...prev, [key]: value };
      configRef.current = next;
      setConfig(next);
      if (key === 'optimizer') live.optimizer(prev.optimizer, next.optimizer);
      else if (isHyperKey(key)) live.hyper(key, prev[key], next[key]);
    },
    [live],
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

  // Notices that follow the worker's state are derived, not stored; dismissing one hides it by id.
  const workerNotices: Notice[] = [];
  if (snap.backend?.fallbackReason)
    workerNotices.push({ id: 'backend', tone: 'warning', title: `Training on the CPU: ${snap.backend.fallbackReason}. It works, only slower.` });
  if (snap.fatal) workerNotices.push({ id: `fatal:${snap.fatal}`, tone: 'error', title: snap.fatal });
  if (snap.lastRejected)
    workerNotices.push({ id: `rejected:${snap.lastRejected}`, tone: 'error', title: `Change refused: ${snap.lastRejected}` });
  const shown = [...notices, ...workerNotices.filter((n) => !dismissed.has(n.id))];

  const runs: ChartRun[] = useMemo(
    () => [
      { id: String(snap.runId), name: 'Run', color: RUN_COLORS[0]!, points: snap.points, validation: snap.validation, markers: snap.markers },
    ],
    [snap.runId, snap.points, snap.validation, snap.markers],
  );
  const emptyHint = snap.dataReady ? 'Press Start to train' : 'Loading MNIST…';

  return (
    <div className="app">
      <header>
        <h1>MNIST optimizer playground</h1>
        <p className="subtitle">784 → 128 ReLU → 10 · hand-written SGD, momentum and Adam on {snap.backend?.backend === 'cpu' ? 'the CPU' : 'WebGL'}</p>
      </header>
      <Notices notices={shown} onDismiss={dismiss} />
      {snap.loading && <LoadingBar loaded={snap.loading.loadedBytes} total={snap.loading.totalBytes} />}
      <Toolbar
        state={snap.state}
        ready={snap.dataReady && !snap.fatal}
        onStart={onStart}
        onPause={pause}
        onStep={onStep}
        onReset={() => doReset(configRef.current)}
        onCopyLink={copyLink}
      />
      <StatusPanel snap={snap} />
      <main className="layout">
        <aside>
          <SettingsPanel config={config} runConfig={runConfig} display={display} onChange={onChange} onDisplay={setDisplay} />
        </aside>
        <section className="charts">
          <LossChart runs={runs} smoothing={display.smoothing} logScale={display.logScale} stepsPerEpoch={snap.stepsPerEpoch} version={snap.version} emptyHint={emptyHint} />
          <AccuracyChart runs={runs} smoothing={display.smoothing} stepsPerEpoch={snap.stepsPerEpoch} version={snap.version} emptyHint={emptyHint} />
          <ChangeLog markers={snap.markers} />
        </section>
      </main>
    </div>
  );
}

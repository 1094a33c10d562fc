// Export (CSV, JSON), import (read-only overlays), kept runs (IndexedDB) and the selected run's network
// as a TensorFlow.js model, with every failure turned into a notice: a bad file or a full disk never
// changes the runs on screen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionSnapshot } from '../client/session';
import { csvParts, exportSize, jsonParts, type RunRecord } from '../experiment/exportData';
import { collectInSlices } from '../experiment/slices';
import { pointArray } from '../shared/pointColumns';
import { readImport } from '../experiment/importCheck';
import { clearRecords, loadRecords, saveRecords } from '../experiment/storage';
import { pytorchScript } from '../experiment/pytorch/script';
import { NO_POOL_HISTORY, type PoolHistory } from '../shared/pool';
import { laneWeights, settledCheckpoint } from '../experiment/tfjsModel';
import type { Experiment, RunSpec } from '../experiment/types';
import { useI18n } from '../i18n/I18n';
import type { RunCheckpoint } from '../shared/checkpoint';
import type { SharedSettings } from '../shared/settings';
import { downloadBlob, fileStamp, saveModel } from './download';
import { restoreKeptRuns } from './keptRuns';
import { overlayRunsOf, type Overlay } from './runViews';
import type { Notice } from './notice';

/** Where "Download model" finds the selected run's network. */
export interface ModelSource {
  /** The run the settings panel shows. */
  run: RunSpec;
  /** The shared settings of the last Reset: the network its checkpoints hold, and its inputs. */
  shared: SharedSettings;
  /** The run's latest checkpoint, as the worker posted it. */
  checkpoint(): RunCheckpoint | null;
  pause(): void;
}

interface Deps {
  experiment: Experiment;
  snap: SessionSnapshot;
  addNotice(n: Notice): void;
  /** Absent: no model download. */
  model?: ModelSource;
  /** The pools the run drew from while MNIST arrived (the PyTorch script replays them). */
  pool?: () => PoolHistory | null;
}

/** How long "Download model" waits for the checkpoint of the step training stopped at. */
const CHECKPOINT_WAIT_MS = 15_000;
const POLL_MS = 100;

/** `read()` once it gives something, or null after `ms`. */
function poll<T>(read: () => T | null, ms: number): Promise<T | null> {
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    const tick = () => {
      const value = read();
      if (value !== null || Date.now() >= until) resolve(value);
      else setTimeout(tick, POLL_MS);
    };
    tick();
  });
}

function recordsOf(experiment: Experiment, snap: SessionSnapshot): RunRecord[] {
  return experiment.runs.flatMap((spec) => {
    const lane = snap.lanes[spec.id];
    return lane
      ? [
          {
            spec,
            // Copies: training goes on appending to the lane while the records are written out.
            points: pointArray(lane.points),
            validation: lane.validation.slice(),
            ...(lane.training ? { training: lane.training.slice() } : {}),
            test: lane.test,
            internals: [...lane.internals],
          },
        ]
      : [];
  });
}

export function useDataActions({ experiment, snap, addNotice, model, pool }: Deps) {
  const [overlays, setOverlays] = useState<Overlay[]>([]);
  const { m } = useI18n();
  const latest = useRef({ experiment, snap, model, pool });
  useEffect(() => {
    latest.current = { experiment, snap, model, pool };
  });

  // Runs kept from an earlier visit come back as read-only curves, once even if the effect runs twice.
  useEffect(() => {
    const abort = new AbortController();
    void restoreKeptRuns(() => loadRecords(), abort.signal, {
      add: (records, { model }) =>
        setOverlays((o) => [...o, ...records.map((record) => ({ source: 'kept' as const, record, model }))]),
      fail: (error) =>
        addNotice({ kind: 'storage', tone: 'warning', title: (m) => m.data.keptUnreadable(error(m)) }),
    });
    return () => abort.abort();
  }, [addNotice]);

  // Keep the runs whenever training pauses or finishes.
  useEffect(() => {
    if (snap.state !== 'paused' && snap.state !== 'finished') return;
    const { experiment: e, snap: s } = latest.current;
    const records = recordsOf(e, s);
    if (!records.some((r) => r.points.length > 0)) return;
    void saveRecords(e.shared, records).then((r) => {
      if (!r.ok)
        addNotice({
          kind: 'storage',
          tone: 'warning',
          title: (m) => m.data.keepFailed(r.error(m)),
        });
    });
  }, [snap.state, snap.runId, addNotice]);

  // A long run's file is written a slice at a time, so the page keeps answering; the bar shows how far.
  const [exporting, setExporting] = useState<number | null>(null);
  const busy = useRef(false);
  const exportData = useCallback(
    (kind: 'csv' | 'json') => {
      if (busy.current) return;
      busy.current = true;
      const { experiment: e, snap: s } = latest.current;
      const records = recordsOf(e, s);
      const total = exportSize(records);
      setExporting(0);
      const parts = kind === 'csv' ? csvParts(records, m) : jsonParts(e.shared, records);
      void collectInSlices(parts, { onProgress: (done) => setExporting(Math.min(0.99, done / total)) })
        .then((text) =>
          downloadBlob(
            new Blob(text, { type: kind === 'csv' ? 'text/csv' : 'application/json' }),
            `mnist-runs-${fileStamp()}.${kind}`,
          ),
        )
        .finally(() => {
          busy.current = false;
          setExporting(null);
        });
    },
    [m],
  );

  const importFile = useCallback(
    (file: File) => {
      // readImport never rejects: an unreadable file is one more refusal with its reason.
      void readImport(file).then((r) => {
        if (!r.ok)
          return addNotice({
            kind: 'import',
            tone: 'error',
            title: (m) => m.data.importRefused(file.name, r.error(m)),
          });
        const { model } = r.file.shared;
        setOverlays((o) => [
          ...o,
          ...r.file.runs.map((record) => ({ source: 'imported' as const, record, model })),
        ]);
        addNotice({
          kind: 'import',
          tone: 'info',
          title: (m) => m.data.imported(r.file.runs.length, file.name),
        });
      });
    },
    [addNotice],
  );

  const clearAll = useCallback(() => {
    setOverlays([]);
    void clearRecords().then((r) => {
      if (!r.ok)
        addNotice({ kind: 'storage', tone: 'warning', title: (m) => m.data.clearFailed(r.error(m)) });
    });
  }, [addNotice]);

  // The weights of the step training stops at: a running run pauses, and its checkpoint follows.
  const [preparingModel, setPreparingModel] = useState(false);
  const preparing = useRef(false);
  const downloadModel = useCallback(() => {
    const source = latest.current.model;
    if (!source || preparing.current) return;
    preparing.current = true;
    setPreparingModel(true);
    if (latest.current.snap.state === 'running') source.pause();
    void poll(() => settledCheckpoint(latest.current.snap, source.checkpoint()), CHECKPOINT_WAIT_MS)
      .then((settled) => {
        const weights = laneWeights(settled ? settled.checkpoint : source.checkpoint(), source.run.id);
        addNotice(saveModel(source.run.name, source.shared, weights, settled === null));
      })
      .finally(() => {
        preparing.current = false;
        setPreparingModel(false);
      });
  }, [addNotice]);

  // The experiment as it trained: its runs with the shared settings of the last Reset (a setting changed
  // since applies on the next Reset), and the pools its first steps drew from.
  const exportPytorch = useCallback(() => {
    const { experiment: e, model: source, pool } = latest.current;
    const trained = { ...e, shared: source?.shared ?? e.shared };
    const script = pytorchScript(trained, { pool: pool?.() ?? NO_POOL_HISTORY });
    downloadBlob(new Blob([script], { type: 'text/x-python' }), `mnist-playground-${fileStamp()}.py`);
    addNotice({ kind: 'export', key: 'pytorch', tone: 'info', title: (m) => m.data.pytorchSaved });
  }, [addNotice]);

  const experimentModel = experiment.shared.model;
  const chartOverlays = useMemo(
    () => overlayRunsOf(overlays, experimentModel, m),
    [overlays, m, experimentModel],
  );

  return {
    overlays: chartOverlays,
    exportData,
    exporting,
    importFile,
    clearAll,
    exportPytorch,
    /** "Download model": the selected run's name and the step its weights are at (null: not offered). */
    modelDownload: model
      ? { run: model.run.name, step: snap.step, preparing: preparingModel, start: downloadModel }
      : null,
  };
}

// The predictions and confusion matrix of the selected lane: asked for again whenever what is shown
// is out of date (another run or lane, an epoch's end, the test digits arriving, a cell picked,
// Refresh), keeping only the answer to the latest question.
import { useEffect, useRef, useState } from 'react';
import type { ConfusionCell, InsightEvent, InsightRequest, Predictions } from '../protocol';

/** Digits in the grid. */
export const GRID_DIGITS = 40;

export type ReadyPredictions = Extract<Predictions, { kind: 'ready' }>;

export interface InsightLink {
  ask(request: InsightRequest): number;
  listen(fn: (e: InsightEvent) => void): () => void;
}

interface Options extends InsightLink {
  runId: number;
  /** The selected run's lane; null while it has none (added since the last Reset). */
  lane: string | null;
  /** Epochs the run has completed: each one's end refreshes the predictions. */
  epoch: number;
  dataReady: boolean;
  dataComplete: boolean;
}

export interface PredictionsState {
  /** The run's latest answer with predictions (kept, dimmed, while a newer one is on its way). */
  shown: ReadyPredictions | null;
  /** The latest answer says the test digits are still on their way. */
  waiting: boolean;
  /** A question is on its way. */
  pending: boolean;
  /** How far the pass answering it has gone (test digits), once the worker has said. */
  progress: { done: number; total: number } | null;
  cell: ConfusionCell | null;
  pick(cell: ConfusionCell | null): void;
  refresh(): void;
}

export function usePredictions({ ask, listen, runId, lane, epoch, dataReady, dataComplete }: Options) {
  const [cell, setCell] = useState<ConfusionCell | null>(null);
  /** Refresh pressed or a cell picked, in which run: before its first epoch ends only these ask. */
  const [manual, setManual] = useState({ runId: -1, count: 0 });
  const [answer, setAnswer] = useState<{ key: string; result: Predictions } | null>(null);
  const [shown, setShown] = useState<{ runId: number; result: ReadyPredictions } | null>(null);
  const [progress, setProgress] = useState<{ key: string; done: number; total: number } | null>(null);
  const asked = useRef<{ id: number; key: string } | null>(null);
  // A pass over 10,000 digits costs about what the test evaluation does: none is made at page load (it
  // would delay the first steps) or for untrained weights, unless someone asks.
  const active = !!lane && dataReady && (epoch >= 1 || manual.runId === runId);
  // What the grid should show now: an answer to another key is out of date.
  const wanted = [runId, lane, epoch, dataComplete, cell?.label, cell?.predicted, manual.count].join('|');

  useEffect(() => {
    if (!active || !lane) return;
    asked.current = { id: ask({ type: 'predict', lane, cell, limit: GRID_DIGITS }), key: wanted };
  }, [ask, active, lane, cell, wanted]);

  useEffect(
    () =>
      listen((e) => {
        const a = asked.current;
        if (e.type === 'classified' || !a || e.requestId !== a.id) return; // stale: a newer question is out
        if (e.type === 'predicting') return setProgress({ key: a.key, done: e.done, total: e.total });
        setAnswer({ key: a.key, result: e.result });
        if (e.result.kind === 'ready') setShown({ runId: e.runId, result: e.result });
      }),
    [listen],
  );

  const askNow = () => setManual((m) => ({ runId, count: m.count + 1 }));
  return {
    // Another run's weights (before a Reset) are not this run's.
    shown: shown?.runId === runId ? shown.result : null,
    waiting: answer?.result.kind === 'waiting',
    pending: active && answer?.key !== wanted,
    progress: progress?.key === wanted && answer?.key !== wanted ? progress : null,
    cell,
    pick: (next: ConfusionCell | null) => {
      setCell(next);
      askNow();
    },
    refresh: askNow,
  } satisfies PredictionsState;
}

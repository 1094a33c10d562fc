// The predictions of the selected lane: on the test digits (and their confusion matrix) and, when the
// run has label noise and the view is chosen, on the training images given a wrong label. Asked for
// again whenever what is shown is out of date (another run or lane, an epoch's end, the data arriving,
// a cell picked, Refresh).
import { useMemo, useState } from 'react';
import type { ConfusionCell, InsightRequest, Predictions } from '../protocol';
import { useQuestion, type InsightLink, type Question } from './useQuestion';

export type { InsightLink } from './useQuestion';

/** Digits in a grid. */
export const GRID_DIGITS = 40;

export type ReadyPredictions = Extract<Predictions, { kind: 'ready' }>;
export type MislabelledPredictions = Extract<Predictions, { kind: 'mislabelled' }>;

/** Which images the grid shows. */
export type GridView = 'test' | 'mislabelled';

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
  /** The test digits' latest answer. */
  shown: ReadyPredictions | null;
  /** The mislabelled training images' latest answer (asked for only in that view). */
  mislabelled: MislabelledPredictions | null;
  /** The question whose status the section shows, and which images it is about. */
  status: Question & { of: GridView };
  /** 'mislabelled' only while the run has mislabelled images. */
  view: GridView;
  setView(view: GridView): void;
  cell: ConfusionCell | null;
  pick(cell: ConfusionCell | null): void;
  refresh(): void;
}

export function usePredictions(o: Options): PredictionsState {
  const { ask, listen, runId, lane, epoch, dataReady, dataComplete } = o;
  const [cell, setCell] = useState<ConfusionCell | null>(null);
  const [chosen, setView] = useState<GridView>('test');
  /** Refresh pressed or a cell picked, in which run: before its first epoch ends only these ask. */
  const [manual, setManual] = useState({ runId: -1, count: 0 });
  // A pass over 10,000 digits costs about what the test evaluation does: none is made at page load (it
  // would delay the first steps) or for untrained weights, unless someone asks.
  const active = !!lane && dataReady && (epoch >= 1 || manual.runId === runId);
  const key = [lane, epoch, dataComplete, manual.count].join('|');

  const testRequest = useMemo<InsightRequest | null>(
    () => (active && lane ? { type: 'predict', images: 'test', lane, cell, limit: GRID_DIGITS } : null),
    [active, lane, cell],
  );
  const test = useQuestion({
    ask,
    listen,
    runId,
    request: testRequest,
    key: `${key}|${cell?.label}|${cell?.predicted}`,
  });
  const shown = test.result?.kind === 'ready' ? test.result : null;

  // The view is offered once the run's answer says it has mislabelled images.
  const view = chosen === 'mislabelled' && (shown?.mislabelled ?? 0) > 0 ? 'mislabelled' : 'test';
  const wrongRequest = useMemo<InsightRequest | null>(
    () =>
      active && lane && view === 'mislabelled'
        ? { type: 'predict', images: 'mislabelled', lane, limit: GRID_DIGITS }
        : null,
    [active, lane, view],
  );
  const wrong = useQuestion({ ask, listen, runId, request: wrongRequest, key });

  const grid = view === 'mislabelled' ? wrong : test;
  const askNow = () => setManual((m) => ({ runId, count: m.count + 1 }));
  return {
    shown,
    mislabelled: wrong.result?.kind === 'mislabelled' ? wrong.result : null,
    // The grid's question, unless only the test digits' (the confusion matrix) is on its way.
    status: grid.pending || !test.pending ? { ...grid, of: view } : { ...test, of: 'test' },
    view,
    setView,
    cell,
    pick: (next) => {
      setCell(next);
      setView('test');
      askNow();
    },
    refresh: askNow,
  };
}

// One question to the worker about the selected lane's weights, asked again whenever its answer is out
// of date (its key changes), keeping only the answer to the latest question and the pass's progress
// meanwhile. usePredictions composes two: the test digits and the mislabelled training images.
import { useEffect, useRef, useState } from 'react';
import type { InsightEvent, InsightRequest, Predictions } from '../protocol';

export interface InsightLink {
  ask(request: InsightRequest): number;
  listen(fn: (e: InsightEvent) => void): () => void;
}

/** An answer with predictions in it (not "waiting" or "no lane"). */
export type Answered = Exclude<Predictions, { kind: 'waiting' | 'noLane' }>;

interface Options extends InsightLink {
  runId: number;
  /** What to ask; null: nothing now. Memoised: a new object asks again. */
  request: InsightRequest | null;
  /** Everything that makes an answer out of date besides the run (an epoch's end, Refresh). */
  key: string;
}

export interface Question {
  /** The run's latest answer with predictions (kept, dimmed, while a newer one is on its way). */
  result: Answered | null;
  /** The latest answer says the images asked about are still on their way. */
  waiting: boolean;
  /** A question is on its way. */
  pending: boolean;
  /** How far the pass answering it has gone, once the worker has said. */
  progress: { done: number; total: number } | null;
}

export function useQuestion({ ask, listen, runId, request, key }: Options): Question {
  const [answer, setAnswer] = useState<{ key: string; result: Predictions } | null>(null);
  const [kept, setKept] = useState<{ runId: number; result: Answered } | null>(null);
  const [progress, setProgress] = useState<{ key: string; done: number; total: number } | null>(null);
  const asked = useRef<{ id: number; key: string } | null>(null);
  const wanted = `${runId}|${key}`;

  useEffect(() => {
    if (request) asked.current = { id: ask(request), key: wanted };
  }, [ask, request, wanted]);

  useEffect(
    () =>
      listen((e) => {
        const a = asked.current;
        if (e.type === 'classified' || !a || e.requestId !== a.id) return; // stale: a newer question is out
        if (e.type === 'predicting') return setProgress({ key: a.key, done: e.done, total: e.total });
        const result = e.result;
        setAnswer({ key: a.key, result });
        if (result.kind !== 'waiting' && result.kind !== 'noLane') setKept({ runId: e.runId, result });
      }),
    [listen],
  );

  const pending = !!request && answer?.key !== wanted;
  return {
    // Another run's weights (before a Reset) are not this run's.
    result: kept?.runId === runId ? kept.result : null,
    waiting: answer?.result.kind === 'waiting',
    pending,
    progress: progress?.key === wanted && pending ? progress : null,
  };
}

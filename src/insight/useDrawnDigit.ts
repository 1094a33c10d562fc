// The drawn digit and the selected lane's probabilities for it: asked a few times a second while a
// stroke is drawn (always once more when it ends), again when the run or lane changes and, about once
// a second, while the run trains. Answers older than the one shown, or than the last Clear, are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Throttle } from './throttle';
import type { InsightLink } from './usePredictions';

/** At most this often while drawing… */
const DRAWING_MS = 250;
/** …and this often as the run trains under a finished drawing. */
const TRAINING_MS = 1000;

interface Options extends InsightLink {
  runId: number;
  lane: string | null;
  step: number;
}

export function useDrawnDigit({ ask, listen, runId, lane, step }: Options) {
  /** The network's input (28×28 bytes) made from the drawing; null when the pad is empty. */
  const [input, setInput] = useState<Uint8Array | null>(null);
  const [probabilities, setProbabilities] = useState<number[] | null>(null);
  const inputRef = useRef<Uint8Array | null>(null);
  const laneRef = useRef(lane);
  const askRef = useRef(ask);
  const sent = useRef(0);
  /** The id of the answer shown: older ones are stale. */
  const shownId = useRef(0);
  const throttle = useRef<Throttle | null>(null);

  useEffect(() => {
    const t = new Throttle(DRAWING_MS, () => {
      const pixels = inputRef.current;
      if (!pixels || !laneRef.current) return;
      sent.current = askRef.current({ type: 'classify', lane: laneRef.current, pixels });
    });
    throttle.current = t;
    return () => t.cancel();
  }, []);
  useEffect(
    () =>
      listen((e) => {
        if (e.type !== 'classified' || e.lane !== laneRef.current || e.requestId <= shownId.current) return;
        shownId.current = e.requestId;
        setProbabilities(e.probabilities);
      }),
    [listen],
  );
  useEffect(() => {
    askRef.current = ask;
  }, [ask]);

  // Another run or lane answers for the same drawing at once.
  useEffect(() => {
    laneRef.current = lane;
    if (inputRef.current) throttle.current?.flush();
  }, [lane, runId]);
  useEffect(() => {
    const t = throttle.current;
    if (inputRef.current && t && t.sinceLast >= TRAINING_MS) t.request();
  }, [step]);

  /** The drawing changed; `ended`: its stroke is finished, so ask now. */
  const draw = useCallback((pixels: Uint8Array, ended: boolean) => {
    const empty = pixels.every((v) => v === 0);
    inputRef.current = empty ? null : pixels;
    setInput(inputRef.current);
    if (empty) return;
    if (ended) throttle.current?.flush();
    else throttle.current?.request();
  }, []);

  const clear = useCallback(() => {
    throttle.current?.cancel();
    inputRef.current = null;
    // Whatever is still on its way belongs to the drawing just wiped.
    shownId.current = sent.current;
    setInput(null);
    setProbabilities(null);
  }, []);

  return { input, probabilities, draw, clear };
}

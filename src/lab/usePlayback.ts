// The play control: animates how many steps of the paths are drawn, from 0 up to the step count, in
// about four seconds whatever the count. The paths are computed once; only the drawn prefix grows.
import { useCallback, useEffect, useState } from 'react';

const PLAY_FRAMES = 240;

export interface Playback {
  /** Steps drawn now: the whole path unless playing. */
  shown: number;
  playing: boolean;
  toggle(): void;
}

export function usePlayback(total: number): Playback {
  // null: not playing, every step is drawn.
  const [playhead, setPlayhead] = useState<number | null>(null);
  const playing = playhead !== null;

  useEffect(() => {
    if (!playing) return;
    const stride = Math.max(1, Math.ceil(total / PLAY_FRAMES));
    let frame = requestAnimationFrame(function advance() {
      setPlayhead((p) => (p === null || p + stride >= total ? null : p + stride));
      frame = requestAnimationFrame(advance);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, total]);

  const toggle = useCallback(() => setPlayhead((p) => (p === null ? 0 : null)), []);
  return { shown: playhead === null ? total : Math.min(playhead, total), playing, toggle };
}

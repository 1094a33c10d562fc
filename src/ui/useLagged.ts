// A value that follows another one a frame later, to spread heavy redraws over several browser tasks. While
// a slider is in use it waits (the slider's next frame must not queue behind a chart's redraw), and
// follows once the input settles.
import { startTransition, useEffect, useState } from 'react';
import { sliderActive } from '../client/interaction';

/** How often a lagged value looks again whether the slider has settled. */
const WAIT_MS = 50;

/**
 * Follows after the next frame, not merely the next task: recharts hands its internal store's changes to
 * its components in an animation-frame callback, and two charts redrawn in the same frame would meet in
 * one task there. A transition, so React renders the chart in slices between other work.
 */
export function useLagged<T>(value: T): T {
  const [lagged, setLagged] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = () => {
      if (sliderActive()) timer = setTimeout(follow, WAIT_MS);
      else startTransition(() => setLagged(value));
    };
    const frame = requestAnimationFrame(() => (timer = setTimeout(follow, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return lagged;
}

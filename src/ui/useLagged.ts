// A value that follows another one task later, to spread heavy redraws over several browser tasks. While
// a slider is in use it waits (the slider's next frame must not queue behind a chart's redraw), and
// follows once the input settles.
import { useEffect, useState } from 'react';
import { sliderActive } from '../client/interaction';

/** How often a lagged value looks again whether the slider has settled. */
const WAIT_MS = 50;

export function useLagged<T>(value: T): T {
  const [lagged, setLagged] = useState(value);
  useEffect(() => {
    let timer = setTimeout(function follow() {
      if (sliderActive()) timer = setTimeout(follow, WAIT_MS);
      else setLagged(value);
    }, 0);
    return () => clearTimeout(timer);
  }, [value]);
  return lagged;
}

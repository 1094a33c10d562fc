// Names of the performance marks and measures the page leaves for the benchmark and the browser's
// performance panel. One place, so the page and the benchmark never disagree on a string.

/** Measure from sending a live change to the worker's acknowledgement. */
export const LIVE_CHANGE_MEASURE = 'live-change';

/** Mark set when live change `changeId` of run `runId` is sent. */
export function liveChangeSentMark(runId: number, changeId: number): string {
  return `live-change-sent:${runId}:${changeId}`;
}

/**
 * Mark set once per page, when the first trained step's metrics arrive: its time since navigation is
 * the "time to first step" a class on a slow network waits (the benchmark's --first-step section).
 */
export const FIRST_STEP_MARK = 'first-step';

/**
 * Measure from a slider's input event to the commit that shows its new value: the React render and
 * DOM work one slider key or drag step costs the page (the benchmark's goal: at most 4 ms).
 */
export const SLIDER_COMMIT_MEASURE = 'slider-commit';

/** A measure named `name` from `start` (performance.now()) to now, cleared from the buffer at once. */
export function measureSince(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
  // Observers have seen it; the page's buffer need not keep one per key.
  performance.clearMeasures(name);
}

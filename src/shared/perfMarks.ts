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

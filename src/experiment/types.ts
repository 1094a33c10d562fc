// An experiment: up to MAX_RUNS runs sharing data, seed and batch order, differing only in optimizer
// settings, each with the timeline of live changes made while it trained.
import type { RunSettings, SharedSettings, TimelineEntry } from '../shared/settings';

export const MAX_RUNS = 4;

export interface RunSpec {
  /** Stable within a page session; not part of links. */
  id: string;
  name: string;
  /** CSS hex colour, e.g. "#0072B2". */
  color: string;
  hidden: boolean;
  /** Settings at step 1. */
  initial: RunSettings;
  /** Sorted by step; several entries may share a step. */
  timeline: TimelineEntry[];
}

export interface Experiment {
  shared: SharedSettings;
  runs: RunSpec[];
}

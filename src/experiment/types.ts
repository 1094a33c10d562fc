// An experiment: up to four runs sharing data, seed and batch order, differing only in optimizer
// settings, each with the timeline of live changes made while it trained.
import type { RunConfig } from '../config/schema';

export const MAX_RUNS = 4;

/** Settings a run may change while it trains. */
export type LiveKey = 'optimizer' | 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'momentum' | 'nesterov';
export const LIVE_KEYS: readonly LiveKey[] = [
  'optimizer',
  'learningRate',
  'beta1',
  'beta2',
  'epsilon',
  'momentum',
  'nesterov',
];
export type RunSettings = Pick<RunConfig, LiveKey>;

/** Settings every run of the experiment shares (they decide initial weights, data and batch order). */
export type SharedKey = 'batchSize' | 'epochs' | 'preprocessing' | 'seed';
export type SharedSettings = Pick<RunConfig, SharedKey>;

/** A live change: from step `step` on (1-based, the first step that uses it), `key` is `value`. */
export interface TimelineEntry<K extends LiveKey = LiveKey> {
  step: number;
  key: K;
  value: RunConfig[K];
}

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

/** Same order as FIELDS, which is the order they appear in links. */
export const SHARED_KEYS: readonly SharedKey[] = ['batchSize', 'epochs', 'preprocessing', 'seed'];

// fast-check generators for experiments, built from FIELDS (via the config tests' generators), plus
// an independent check that an experiment is valid, used on whatever the parsers return.
import fc from 'fast-check';
import { FIELDS } from '../../src/config/schema';
import { isValidConfig } from '../../src/config/validate';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { MAX_NAME_LENGTH, sortTimeline } from '../../src/experiment/runs';
import { MAX_RUNS, type Experiment, type RunSpec } from '../../src/experiment/types';
import { TRAIN_FILE_COUNT } from '../../src/shared/mnist';
import {
  LIVE_KEYS,
  SHARED_KEYS,
  type LiveKey,
  type RunSettings,
  type SharedSettings,
  type TimelineEntry,
} from '../../src/shared/settings';
import { validValueArb } from '../config/arbitraries';

export const settingsArb = fc.record(
  Object.fromEntries(LIVE_KEYS.map((k) => [k, validValueArb(FIELDS[k])])),
) as fc.Arbitrary<RunSettings>;

export const sharedArb = fc.record(
  Object.fromEntries(SHARED_KEYS.map((k) => [k, validValueArb(FIELDS[k])])),
) as fc.Arbitrary<SharedSettings>;

// More steps than any run takes: the most epochs at batch size 1 over the whole training file.
const MAX_RUN_STEP = FIELDS.epochs.max * TRAIN_FILE_COUNT;

export const entryArb: fc.Arbitrary<TimelineEntry> = fc.constantFrom(...LIVE_KEYS).chain((key: LiveKey) =>
  fc.record({
    step: fc.integer({ min: 1, max: MAX_RUN_STEP }),
    key: fc.constant(key),
    value: validValueArb(FIELDS[key]),
  }),
) as fc.Arbitrary<TimelineEntry>;

/** Printable Unicode, with the link's own separators over-represented. */
export const unicodeNameArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom('~', '_', '&', '=', '#', '%', '.', ' ', '"', ',', '+', '?', '/', 'é', '😀'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/\p{Cc}/u.test(c)),
  ),
  minLength: 1,
  maxLength: 24,
});

export const letterNameArb = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  minLength: 1,
  maxLength: 12,
});

export const colorArb = fc
  .array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: 6, maxLength: 6 })
  .map((cs) => `#${cs.join('')}`);

function runArb(nameArb: fc.Arbitrary<string>, maxEntries: number): fc.Arbitrary<Omit<RunSpec, 'id'>> {
  return fc.record({
    name: nameArb,
    color: fc.oneof(colorArb, fc.constant('#0072B2')),
    hidden: fc.boolean(),
    initial: settingsArb,
    timeline: fc.array(entryArb, { maxLength: maxEntries }).map(sortTimeline),
  });
}

/** At most MAX_RUNS runs with at most 5 changes each, so at most 20 changes in total. */
export function experimentArb(nameArb: fc.Arbitrary<string> = unicodeNameArb): fc.Arbitrary<Experiment> {
  return fc.record({
    shared: sharedArb,
    runs: fc
      .array(runArb(nameArb, 5), { minLength: 1, maxLength: MAX_RUNS })
      .map((runs) => runs.map((r, i) => ({ id: `x${i}`, ...r }))),
  });
}

export function withoutIds(e: Experiment): unknown {
  return { shared: e.shared, runs: e.runs.map(({ id: _id, ...rest }) => rest) };
}

/** Independent of the code under test: every value must be one the schema stores as it is. */
export function expectValidExperiment(e: Experiment): void {
  if (e.runs.length < 1 || e.runs.length > MAX_RUNS) throw new Error(`bad run count ${e.runs.length}`);
  for (const run of e.runs) {
    const config = { ...DEFAULT_CONFIG, ...e.shared, ...run.initial };
    if (!isValidConfig(config)) throw new Error(`bad settings ${JSON.stringify(config)}`);
    if (run.name.length === 0 || run.name.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(run.name)) {
      throw new Error(`bad name ${JSON.stringify(run.name)}`);
    }
    if (!/^#[0-9A-Fa-f]{6}$/.test(run.color)) throw new Error(`bad colour ${run.color}`);
    let last = 0;
    for (const entry of run.timeline) {
      if (!Number.isInteger(entry.step) || entry.step < 1 || entry.step < last)
        throw new Error(`bad step ${entry.step}`);
      last = entry.step;
      if (!isValidConfig({ ...config, [entry.key]: entry.value }))
        throw new Error(`bad entry ${JSON.stringify(entry)}`);
    }
  }
}

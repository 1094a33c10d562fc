// Defaults and value checks for the parts of a run that the config schema does not cover (name,
// colour, steps, timeline), shared by the link codec, the import validator and the timeline helpers.
import { DEFAULT_CONFIG } from '../config/schema';
import { OPTIMIZER_NAMES } from '../i18n/catalogue/settings';
import { cutAt, visibleText } from '../config/linkText';
import { outOfRange, validateValue } from '../config/validate';
import {
  LIVE_KEYS,
  SHARED_KEYS,
  type LiveKey,
  type OptimizerName,
  type RunConfig,
  type RunSettings,
  type SharedSettings,
  type TimelineEntry,
} from '../shared/settings';
import type { RunSpec } from './types';
import type { Text } from '../i18n/text';

/**
 * Colours for overlaid runs (Okabe–Ito), distinguishable with common colour-vision deficiencies
 * and dark enough to read as text on a white projector image.
 */
export const RUN_COLORS: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
];

/** The optimizers' English names: default run names and the PyTorch export's comments. */
export const OPTIMIZER_LABELS: Readonly<Record<OptimizerName, string>> = OPTIMIZER_NAMES.en;

/** In UTF-16 code units; a legend entry, not a description. */
export const MAX_NAME_LENGTH = 64;
/** Far beyond any real run (100 epochs of batch 1 is 6 million steps); keeps step text short. */
export const MAX_STEP = 1_000_000_000;
/** Per run. A hand-edited link or file must not make every marker loop do millions of passes. */
export const MAX_TIMELINE_ENTRIES = 500;

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

export function defaultRunName(optimizer: OptimizerName): string {
  return OPTIMIZER_LABELS[optimizer];
}

/** The palette colour for the run at `index`, cycling if the palette is ever shorter than MAX_RUNS. */
export function defaultRunColor(index: number): string {
  return RUN_COLORS[index % RUN_COLORS.length] ?? '#0072B2';
}

export function isRunColor(s: unknown): s is string {
  return typeof s === 'string' && HEX_COLOR.test(s);
}

export function isRunName(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && s.length <= MAX_NAME_LENGTH && !cleanName(s, '').changed;
}

/**
 * Makes any text a valid name: broken surrogates and control characters become U+FFFD and long
 * names are cut at a code point boundary. `changed` says whether the caller should tell the user.
 */
export function cleanName(s: string, fallback: string): { name: string; changed: boolean } {
  const t = cutAt(visibleText(s), MAX_NAME_LENGTH);
  if (t.length === 0) return { name: fallback, changed: s.length > 0 };
  return { name: t, changed: t !== s };
}

export function isStep(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_STEP;
}

/** Why `value` is not acceptable for `key` ("is not a number"), or null when it is. */
export function settingProblem(key: keyof RunConfig, value: unknown): Text | null {
  const r = validateValue(key, value);
  if (!r.ok) return r.reason;
  // A clamped value is refused here: files and stored runs come from this page, so it was edited.
  if (r.clamp !== undefined) return outOfRange(r.clamp);
  return Object.is(r.value, value) ? null : (m) => m.validation.notStored;
}

export function settingsOf(c: Readonly<RunConfig>): RunSettings {
  const s = {} as Record<LiveKey, unknown>;
  for (const k of LIVE_KEYS) s[k] = c[k];
  return s as RunSettings;
}

export function sharedOf(c: Readonly<RunConfig>): SharedSettings {
  const s = {} as Record<keyof SharedSettings, unknown>;
  for (const k of SHARED_KEYS) s[k] = c[k];
  return s as SharedSettings;
}

export function defaultSettings(): RunSettings {
  return settingsOf(DEFAULT_CONFIG);
}

/** Stable, so entries on one step keep the order they were made in. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.step - b.e.step || a.i - b.i)
    .map(({ e }) => e);
}

/** A run made from a single config, as an old one-run link or the page's form describes it. */
export function runFromSettings(settings: RunSettings, index: number, id: string): RunSpec {
  return {
    id,
    name: defaultRunName(settings.optimizer),
    color: defaultRunColor(index),
    hidden: false,
    initial: { ...settings },
    timeline: [],
  };
}

/**
 * The learning rate each optimizer races with in "Compare optimizers": one that suits it on this
 * network, so the race compares optimizers rather than showing that one η is too small for SGD.
 * SGD takes steps of η·g, so it needs a large η; momentum with μ 0.9 takes steps of about η·g/(1 − μ),
 * ten times larger, so a tenth of SGD's η moves it as far; Adam's steps are about η per weight
 * whatever the gradient's scale, and the recipe's 0.001 is its usual choice.
 */
export const COMPARE_LEARNING_RATES: Readonly<Record<OptimizerName, number>> = {
  sgd: 0.1,
  momentum: 0.01,
  adagrad: 0.01,
  rmsprop: 0.001,
  adam: 0.001,
  adamw: 0.001,
};

/**
 * The optimizers "Compare optimizers" races (a comparison holds MAX_RUNS): the course's story in four,
 * SGD → momentum → RMSProp (momentum's idea applied to the step size instead) → Adam (both together).
 */
export const RACE: readonly OptimizerName[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

/** The race "Compare optimizers" sets up: the RACE optimizers from the same start, each with its η. */
export function comparisonRuns(newId: () => string): RunSpec[] {
  const base = defaultSettings();
  return RACE.map((optimizer, i) =>
    runFromSettings({ ...base, optimizer, learningRate: COMPARE_LEARNING_RATES[optimizer] }, i, newId()),
  );
}

/**
 * Whether replacing the runs would throw away something the user made: several runs, a renamed or
 * recoloured one, recorded changes, changed settings, or steps already trained.
 */
export function runsWorthKeeping(runs: readonly RunSpec[], trainedSteps: number): boolean {
  if (trainedSteps > 0 || runs.length > 1) return true;
  const run = runs[0];
  if (!run) return false;
  const fresh = runFromSettings(defaultSettings(), 0, run.id);
  return JSON.stringify(run) !== JSON.stringify(fresh);
}

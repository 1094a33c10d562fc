import type { Activation, ModelName } from './model';

// The run settings every layer speaks about: optimizer names, hyperparameters, the settings a run
// shares with its comparison, and a live change as one typed { key, value }. No tfjs, no DOM: the page,
// the worker, the engine and Node tests all import this.

/** In the order a course tells them: SGD → momentum → AdaGrad → RMSProp → Adam → AdamW. */
export const OPTIMIZERS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam', 'adamw'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** How the learning rate moves over a run (shared/schedule.ts): η_t = η · warmup_t · decay_t. */
export const SCHEDULES = ['constant', 'step', 'cosine', 'cyclic'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

/** How raw bytes become model inputs (数据预处理 in the origin article). */
export const PREPROCESSINGS = ['scale', 'standardize', 'none'] as const;
export type Preprocessing = (typeof PREPROCESSINGS)[number];

/** `software` lets the worker accept a software rasterizer (headless test browsers). */
export const WEBGL_MODES = ['default', 'software'] as const;
export type WebglMode = (typeof WEBGL_MODES)[number];

/** What an optimizer reads on every step; each optimizer uses some of them (see config `usedBy`). */
export interface HyperParams {
  learningRate: number;
  momentum: number;
  nesterov: boolean;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Adam's 1/(1 − β^t) factors on m̂_t and v̂_t; off means θ ← θ − η·m/(√v + ε). */
  biasCorrection: boolean;
  /** λ: L2 added to the gradient (g + λ·θ), or AdamW's decoupled decay θ ← θ − η_t·λ·θ. */
  weightDecay: number;
  /** The learning-rate schedule, its warmup in steps, and the step schedule's factor per epoch. */
  schedule: ScheduleName;
  warmup: number;
  gamma: number;
}
export const HYPER_KEYS = [
  'learningRate',
  'momentum',
  'nesterov',
  'beta1',
  'beta2',
  'epsilon',
  'biasCorrection',
  'weightDecay',
  'schedule',
  'warmup',
  'gamma',
] as const satisfies readonly (keyof HyperParams)[];

/** Settings a run may change while it trains. */
export interface RunSettings extends HyperParams {
  optimizer: OptimizerName;
}
export type LiveKey = keyof RunSettings;
/** The one list of live settings; links keep their own frozen positional order (tested to cover this). */
export const LIVE_KEYS = ['optimizer', ...HYPER_KEYS] as const satisfies readonly LiveKey[];

/** Settings every run of a comparison shares: they decide initial weights, data and batch order. */
export interface SharedSettings {
  batchSize: number;
  epochs: number;
  preprocessing: Preprocessing;
  seed: number;
  /** The network every run trains (shared/model.ts): `mlp-128` unless a link says otherwise. */
  model: ModelName;
  /** Its hidden layers' nonlinearity (MLPs; the CNN's convolutions use ReLU). */
  activation: Activation;
  /** Training images used: a seeded subset of the training split (all of it by default). */
  trainImages: number;
  /** Fraction of those images given a wrong label, chosen with the seed (validation and test stay clean). */
  labelNoise: number;
  /** Inverted dropout on the MLPs' hidden layers while training (none at evaluation). */
  dropout: number;
}
export type SharedKey = keyof SharedSettings;
export const SHARED_KEYS = [
  'batchSize',
  'epochs',
  'preprocessing',
  'seed',
  'model',
  'activation',
  'trainImages',
  'labelNoise',
  'dropout',
] as const satisfies readonly SharedKey[];

/** Everything a link can set for one run. */
export interface RunConfig extends RunSettings, SharedSettings {
  webgl: WebglMode;
}

/** `key` of a `T` becomes `value`, with the value's type tied to its key. */
export type ChangeOf<T> = { [K in keyof T]: { key: K; value: T[K] } }[keyof T];

/** One live change, from the slider to the optimizer: `key` becomes `value`. */
export type LiveChange = ChangeOf<RunSettings>;

/** An edit of any setting in the form: live ones go to the run, shared ones apply on Reset. */
export type SettingChange = ChangeOf<RunConfig>;

/** A live change in a run's timeline: from step `step` on (1-based, the first step that uses it). */
export type TimelineEntry = LiveChange & { step: number };

/** Builds a LiveChange while keeping `value` tied to its key's type. */
export function liveChange<K extends LiveKey>(key: K, value: RunSettings[K]): LiveChange {
  // The mapped union cannot be narrowed by a generic K; each member is exactly { key: K; value }.
  return { key, value } as LiveChange;
}

/** Builds a SettingChange while keeping `value` tied to its key's type. */
export function settingChange<K extends keyof RunConfig>(key: K, value: RunConfig[K]): SettingChange {
  return { key, value } as SettingChange;
}

export function isLiveChange(c: SettingChange): c is LiveChange {
  return isLiveKey(c.key);
}

/** `settings` with `change` applied (a new object). */
export function withChange(settings: RunSettings, change: LiveChange): RunSettings {
  return { ...settings, [change.key]: change.value };
}

/** The hyperparameters out of a run's settings (or any object that has them). */
export function hyperParamsOf(s: HyperParams): HyperParams {
  const h = {} as Record<keyof HyperParams, unknown>;
  for (const k of HYPER_KEYS) h[k] = s[k];
  return h as HyperParams;
}

export function isLiveKey(k: string): k is LiveKey {
  return (LIVE_KEYS as readonly string[]).includes(k);
}

// The run settings as one table (FIELDS): URL parsing, serializing, defaults and ranges (labels are in the message catalogues, src/i18n)
// all read it, so adding a setting means adding one row here.
import { ACTIVATIONS, DEFAULT_ACTIVATION, DEFAULT_MODEL, type ModelName } from '../shared/model';
import { TRAIN_COUNT } from '../shared/mnist';
import {
  OPTIMIZERS,
  PREPROCESSINGS,
  SCHEDULES,
  WEBGL_MODES,
  type OptimizerName,
  type RunConfig,
} from '../shared/settings';

export type FieldKey = keyof RunConfig;

/**
 * When a change takes effect: `live` while training, `structural` on Reset (it changes the data
 * pipeline or the initial weights), `startup` only on page load (the worker picks its backend once).
 */
export type ApplyMode = 'live' | 'structural' | 'startup';

interface CommonSpec<K extends FieldKey> {
  readonly key: K;
  readonly urlKey: string;
  readonly apply: ApplyMode;
  readonly default: RunConfig[K];
  /** Keeps shared links short for settings almost nobody changes. */
  readonly omitWhenDefault?: boolean;
}
export interface NumericSpec {
  readonly kind: 'number' | 'int';
  readonly min: number;
  readonly max: number;
  /**
   * How the slider moves: `log` for values spanning decades (η, ε); `decay` for β and μ, whose
   * interesting range is 0.9 … 0.99999, so the slider moves evenly in log(1 − value).
   */
  readonly scale: 'linear' | 'log' | 'decay';
  /**
   * A log field whose minimum is 0 (weight decay): the slider's first position is 0 and the rest
   * move in log space from this value up to the maximum.
   */
  readonly logFloor?: number;
}
export interface BoolSpec {
  readonly kind: 'bool';
}
/** A network's name (shared/model.ts): a preset or any MLP's widths, checked by parseModelName. */
export interface ModelFieldSpec {
  readonly kind: 'model';
}
export interface EnumSpec<V extends string> {
  readonly kind: 'enum';
  readonly options: readonly V[];
}
// Tuple-wrapped so unions like OptimizerName stay one EnumSpec instead of distributing.
type KindSpec<V> = [V] extends [number]
  ? NumericSpec
  : [V] extends [boolean]
    ? BoolSpec
    : [V] extends [ModelName]
      ? ModelFieldSpec
      : [V] extends [string]
        ? EnumSpec<V>
        : never;

export type FieldSpec<K extends FieldKey> = CommonSpec<K> & KindSpec<RunConfig[K]>;
/** Any row of the table, discriminated by `kind`. */
export type AnyFieldSpec = { [K in FieldKey]: FieldSpec<K> }[FieldKey];
export type NumericKey = { [K in FieldKey]: RunConfig[K] extends number ? K : never }[FieldKey];

/** Read by every optimizer: weight decay and the learning-rate schedule. */
const EVERY_OPTIMIZER: readonly FieldKey[] = ['weightDecay', 'schedule', 'warmup', 'gamma'];
const uses = (keys: FieldKey[]): ReadonlySet<FieldKey> => new Set([...keys, ...EVERY_OPTIMIZER]);
const ADAM_KEYS: FieldKey[] = ['learningRate', 'beta1', 'beta2', 'epsilon', 'biasCorrection'];
// A Record keyed by OptimizerName makes the compiler insist every optimizer is listed.
const USED: Record<OptimizerName, ReadonlySet<FieldKey>> = {
  sgd: uses(['learningRate']),
  momentum: uses(['learningRate', 'momentum', 'nesterov']),
  adagrad: uses(['learningRate', 'epsilon']),
  rmsprop: uses(['learningRate', 'beta2', 'epsilon']),
  adam: uses(ADAM_KEYS),
  adamw: uses(ADAM_KEYS),
};

/** Live hyperparameters the optimizer reads; the UI disables the rest. */
export function usedBy(optimizer: OptimizerName): ReadonlySet<FieldKey> {
  return USED[optimizer];
}

const num = (min: number, max: number, scale: NumericSpec['scale'] = 'linear') =>
  ({ kind: 'number', min, max, scale }) as const;
const int = (min: number, max: number) => ({ kind: 'int', min, max, scale: 'linear' }) as const;

// Row order is the URL's key order. Defaults are the reference Keras recipe.
export const FIELDS: { readonly [K in FieldKey]: FieldSpec<K> } = {
  optimizer: {
    key: 'optimizer',
    urlKey: 'opt',
    apply: 'live',
    default: 'adam',
    kind: 'enum',
    options: OPTIMIZERS,
  },
  learningRate: {
    key: 'learningRate',
    urlKey: 'lr',
    apply: 'live',
    default: 0.001,
    ...num(1e-5, 10, 'log'),
  },
  beta1: { key: 'beta1', urlKey: 'b1', apply: 'live', default: 0.9, ...num(0, 0.9999, 'decay') },
  beta2: {
    key: 'beta2',
    urlKey: 'b2',
    apply: 'live',
    default: 0.999,
    ...num(0, 0.99999, 'decay'),
  },
  epsilon: {
    key: 'epsilon',
    urlKey: 'eps',
    apply: 'live',
    default: 1e-7,
    ...num(1e-10, 1, 'log'),
  },
  momentum: {
    key: 'momentum',
    urlKey: 'mom',
    apply: 'live',
    default: 0.9,
    ...num(0, 0.999, 'decay'),
  },
  nesterov: {
    key: 'nesterov',
    urlKey: 'nesterov',
    apply: 'live',
    default: false,
    kind: 'bool',
  },
  biasCorrection: {
    key: 'biasCorrection',
    urlKey: 'bc',
    apply: 'live',
    default: true,
    kind: 'bool',
    omitWhenDefault: true,
  },
  // Added after links were first shared: left out when default, so old links read and write as before.
  weightDecay: {
    key: 'weightDecay',
    urlKey: 'wd',
    apply: 'live',
    default: 0,
    omitWhenDefault: true,
    ...num(0, 1, 'log'),
    logFloor: 1e-6,
  },
  schedule: {
    key: 'schedule',
    urlKey: 'sched',
    apply: 'live',
    default: 'constant',
    omitWhenDefault: true,
    kind: 'enum',
    options: SCHEDULES,
  },
  warmup: {
    key: 'warmup',
    urlKey: 'warmup',
    apply: 'live',
    default: 0,
    omitWhenDefault: true,
    ...int(0, 5000),
  },
  gamma: {
    key: 'gamma',
    urlKey: 'gamma',
    apply: 'live',
    default: 0.5,
    omitWhenDefault: true,
    ...num(0.01, 1),
  },
  batchSize: {
    key: 'batchSize',
    urlKey: 'bs',
    apply: 'structural',
    default: 32,
    ...int(1, 1024),
  },
  epochs: {
    key: 'epochs',
    urlKey: 'epochs',
    apply: 'structural',
    default: 10,
    ...int(1, 100),
  },
  preprocessing: {
    key: 'preprocessing',
    urlKey: 'prep',
    apply: 'structural',
    default: 'scale',
    kind: 'enum',
    options: PREPROCESSINGS,
  },
  seed: {
    key: 'seed',
    urlKey: 'seed',
    apply: 'structural',
    default: 1,
    ...int(0, 2147483647),
  },
  // Left out of links when default, so links from before model choice read (and write) as they did.
  model: {
    key: 'model',
    urlKey: 'model',
    apply: 'structural',
    default: DEFAULT_MODEL,
    omitWhenDefault: true,
    kind: 'model',
  },
  activation: {
    key: 'activation',
    urlKey: 'act',
    apply: 'structural',
    default: DEFAULT_ACTIVATION,
    omitWhenDefault: true,
    kind: 'enum',
    options: ACTIVATIONS,
  },
  // The data lever: left out of links when default, so links from before them read as before.
  trainImages: {
    key: 'trainImages',
    urlKey: 'train',
    apply: 'structural',
    default: TRAIN_COUNT,
    omitWhenDefault: true,
    ...int(100, TRAIN_COUNT),
  },
  // Not `noise`: the 2-D lab's gradient noise has had that key since before.
  labelNoise: {
    key: 'labelNoise',
    urlKey: 'labelnoise',
    apply: 'structural',
    default: 0,
    omitWhenDefault: true,
    ...num(0, 0.9),
  },
  dropout: {
    key: 'dropout',
    urlKey: 'drop',
    apply: 'structural',
    default: 0,
    omitWhenDefault: true,
    ...num(0, 0.9),
  },
  webgl: {
    key: 'webgl',
    urlKey: 'webgl',
    apply: 'startup',
    default: 'default',
    omitWhenDefault: true,
    kind: 'enum',
    options: WEBGL_MODES,
  },
};

export const FIELD_KEYS = Object.keys(FIELDS) as readonly FieldKey[];
/** The same rows, widened so generic code can switch on `kind`. */
export const FIELD_LIST: readonly AnyFieldSpec[] = FIELD_KEYS.map((k) => FIELDS[k]);

function withDefault<K extends FieldKey>(c: RunConfig, key: K): void {
  c[key] = FIELDS[key].default;
}
function buildDefaults(): RunConfig {
  const c = {} as RunConfig;
  for (const key of FIELD_KEYS) withDefault(c, key);
  return Object.freeze(c);
}
export const DEFAULT_CONFIG: Readonly<RunConfig> = buildDefaults();

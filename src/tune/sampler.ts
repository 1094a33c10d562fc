// The random search's trials (Bergstra and Bengio 2012): each a draw from the ranges the user set, η
// log-uniform, β1, β2 and μ uniform in log(1 − value) (so 0.9 → 0.99 → 0.999 are equally likely steps),
// the optimizer among those ticked. Drawn from the experiment's seed, so one link gives the same trials.
import { FIELDS, usedBy } from '../config/schema';
import { createRng, deriveSeed } from '../shared/random';
import { OPTIMIZERS, type OptimizerName, type RunSettings } from '../shared/settings';

export interface Bounds {
  min: number;
  max: number;
}

/** The hyperparameters a search draws, each between its bounds. */
export const SPACE_KEYS = ['learningRate', 'beta1', 'beta2', 'momentum'] as const;
export type SpaceKey = (typeof SPACE_KEYS)[number];

export interface SearchSpace extends Record<SpaceKey, Bounds> {
  /** The optimizers a trial may use (at least one). */
  optimizers: OptimizerName[];
}

export const TRIAL_COUNT = { min: 4, max: 32, default: 8 } as const;
export const TRIAL_STEPS = { min: 20, max: 1000, default: 200 } as const;

export const DEFAULT_SPACE: SearchSpace = {
  optimizers: [...OPTIMIZERS],
  learningRate: { min: 1e-4, max: 0.1 },
  beta1: { min: 0.8, max: 0.99 },
  beta2: { min: 0.99, max: 0.9999 },
  momentum: { min: 0.8, max: 0.99 },
};

/** Random stream of the search (1: weights, 2: the epochs' shuffles, 3: partial pools). */
const SEARCH_STREAM = 16;

/** The settings' own limits (the config table's), which a search range must stay within. */
export function spaceLimits(key: SpaceKey): Bounds {
  const { min, max } = FIELDS[key];
  return { min, max };
}

/** `space` made usable: each range within its setting's limits and in order, at least one optimizer. */
export function cleanSpace(space: SearchSpace): SearchSpace {
  const out = { ...space, optimizers: OPTIMIZERS.filter((o) => space.optimizers.includes(o)) };
  if (out.optimizers.length === 0) out.optimizers = [...DEFAULT_SPACE.optimizers];
  for (const key of SPACE_KEYS) {
    const limit = spaceLimits(key);
    const clamp = (v: number, fallback: number) =>
      Number.isFinite(v) ? Math.min(limit.max, Math.max(limit.min, v)) : fallback;
    const a = clamp(space[key].min, DEFAULT_SPACE[key].min);
    const b = clamp(space[key].max, DEFAULT_SPACE[key].max);
    out[key] = { min: Math.min(a, b), max: Math.max(a, b) };
  }
  return out;
}

/** Three significant digits: a trial's settings read well in the table and in a link. */
const round3 = (v: number) => Number(v.toPrecision(3));
/** 1 − value to three significant digits (0.98765 → 0.9877), without float noise. */
const roundDecay = (v: number) => Number((1 - round3(1 - v)).toFixed(12));
const within = (v: number, b: Bounds) => Math.min(b.max, Math.max(b.min, v));

const logUniform = (u: number, b: Bounds) =>
  Math.exp(Math.log(b.min) + u * (Math.log(b.max) - Math.log(b.min)));
/** Uniform in log(1 − value): 1 − (1 − min)^(1−u) · (1 − max)^u. */
const decayUniform = (u: number, b: Bounds) =>
  -Math.expm1(Math.log1p(-b.min) + u * (Math.log1p(-b.max) - Math.log1p(-b.min)));

/**
 * `count` trials over `space` from `seed`. Each trial has its own random stream and always draws the
 * same five numbers (optimizer, η, β1, β2, μ), so one trial's draw never shifts another's. Settings the
 * trial's optimizer does not use keep `base`'s values (the selected run's ε, Nesterov, bias correction).
 */
export function sampleTrials(
  space: SearchSpace,
  base: RunSettings,
  seed: number,
  count: number,
): RunSettings[] {
  const s = cleanSpace(space);
  return Array.from({ length: count }, (_, i) => {
    const rng = createRng(deriveSeed(deriveSeed(seed, SEARCH_STREAM), i));
    const optimizer = s.optimizers[Math.floor(rng() * s.optimizers.length)]!;
    const [lr, b1, b2, mu] = [rng(), rng(), rng(), rng()];
    const used = usedBy(optimizer);
    const trial: RunSettings = {
      ...base,
      optimizer,
      learningRate: within(round3(logUniform(lr, s.learningRate)), s.learningRate),
    };
    if (used.has('beta1')) trial.beta1 = within(roundDecay(decayUniform(b1, s.beta1)), s.beta1);
    if (used.has('beta2')) trial.beta2 = within(roundDecay(decayUniform(b2, s.beta2)), s.beta2);
    if (used.has('momentum')) trial.momentum = within(roundDecay(decayUniform(mu, s.momentum)), s.momentum);
    return trial;
  });
}

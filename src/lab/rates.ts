// The η the lab walks each run with. MNIST's rates barely move a point across these surfaces (Adam at
// 0.001 covers 4% of the way to the quadratic's minimum in 300 steps), so by default each run's η is
// multiplied by a factor per surface and optimizer that turns MNIST's default η into one suited here.
import { FIELDS } from '../config/schema';
import type { OptimizerName, RunSettings } from '../shared/settings';
import type { LabSettings } from './settings';
import type { SurfaceName } from './surfaces';

/** MNIST's default η, the same for every optimizer: what a suited rate replaces. */
export const MNIST_DEFAULT_ETA = FIELDS.learningRate.default;

/** The κ the quadratics' rates below are chosen at (the lab's default). */
const RATE_KAPPA = 50;

/**
 * The η a run at MNIST's default walks with, per surface, at the default start, κ and 300 steps.
 * Chosen so each optimizer's path gets most of the way to the minimum, or shows why it cannot, without
 * jumping there in a few steps. SGD's and momentum's η is bound by the steepest curvature (stable only
 * for η < 2/κ on the quadratic, η < 0.001 at Rosenbrock's start); the adaptive methods divide by the
 * gradient's size, so their η is a step length in x and y, and the surface's size decides it.
 */
const SUITED: Readonly<Record<SurfaceName, Readonly<Record<OptimizerName, number>>>> = {
  quadratic: { sgd: 0.02, momentum: 0.002, adagrad: 0.5, rmsprop: 0.02, adam: 0.1, adamw: 0.1 },
  'noisy-quadratic': { sgd: 0.02, momentum: 0.002, adagrad: 0.5, rmsprop: 0.02, adam: 0.1, adamw: 0.1 },
  // At (−1.5, 2) the steepest curvature is about 2,100, so SGD is stable there only below η ≈ 0.001:
  // SGD keeps MNIST's η and crawls along the valley (what Rosenbrock shows); momentum at it gets far.
  rosenbrock: { sgd: 0.001, momentum: 0.001, adagrad: 1, rmsprop: 0.02, adam: 0.2, adamw: 0.2 },
  saddle: { sgd: 0.02, momentum: 0.005, adagrad: 0.2, rmsprop: 0.005, adam: 0.02, adamw: 0.02 },
};

/** Optimizers whose suited η on the quadratics follows 1/κ: the steep direction decides their stability. */
const CURVATURE_BOUND: ReadonlySet<OptimizerName> = new Set(['sgd', 'momentum']);

/**
 * What the lab multiplies a run's η by: 1 for `eta: 'run'`; otherwise the suited η over MNIST's
 * default, so MNIST's 0.001 becomes the suited rate and a run at twice that walks at twice the rate.
 */
export function rateFactor(optimizer: OptimizerName, lab: LabSettings): number {
  if (lab.eta === 'run') return 1;
  const suited = SUITED[lab.surface][optimizer];
  const quadratic = lab.surface === 'quadratic' || lab.surface === 'noisy-quadratic';
  const kappa = quadratic && CURVATURE_BOUND.has(optimizer) ? RATE_KAPPA / lab.kappa : 1;
  return (suited * kappa) / MNIST_DEFAULT_ETA;
}

/** The η the lab walks `settings` with on `lab`'s surface, before the schedule's factor. */
export function labRate(settings: RunSettings, lab: LabSettings): number {
  return settings.learningRate * rateFactor(settings.optimizer, lab);
}

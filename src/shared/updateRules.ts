// The one float64 definition of the optimizer update rules (SGD, momentum, AdaGrad, RMSProp, Adam,
// AdamW, with weight decay) over plain arrays, in PyTorch's conventions (torch.optim).
// The 2-D lab walks its surfaces with it, and the tests pin the tensor code and the fused WebGL
// programs to it, so what students see on a surface is the arithmetic that trains MNIST.
import type { EngineHyperParams } from './checkpoint';
import type { OptimizerName } from './settings';

/** What an optimizer carries from one step to the next, for a list of parameter arrays. */
export interface RuleState {
  readonly name: OptimizerName;
  /** Per parameter array: momentum's velocity v, or Adam's first moment m_t; created on first use. */
  readonly m: Float64Array[];
  /** Per parameter array: Adam's and RMSProp's second moment v_t, or AdaGrad's sum s_t of g². */
  readonly v: Float64Array[];
  /** Adam's running products of the β values used: P1 = Π β1, P2 = Π β2 (1 before the first step). */
  p1: number;
  p2: number;
  /** Steps applied so far. */
  t: number;
}

/** A fresh state: no moments yet, products 1, as a new optimizer (or a switch to another) starts. */
export function createRuleState(name: OptimizerName): RuleState {
  return { name, m: [], v: [], p1: 1, p2: 1, t: 0 };
}

/** θ ← θ − η·g */
export function sgdStep(theta: Float64Array, g: Float64Array, h: EngineHyperParams): void {
  for (let i = 0; i < theta.length; i++) theta[i]! -= h.learningRate * g[i]!;
}

/** v ← μ·v + g; θ ← θ − η·v, or with Nesterov θ ← θ − η·(g + μ·v) using the new v. */
export function momentumStep(
  theta: Float64Array,
  g: Float64Array,
  velocity: Float64Array,
  h: EngineHyperParams,
): void {
  for (let i = 0; i < theta.length; i++) {
    const gi = g[i]!;
    velocity[i] = h.momentum * velocity[i]! + gi;
    const dir = h.nesterov ? gi + h.momentum * velocity[i]! : velocity[i]!;
    theta[i]! -= h.learningRate * dir;
  }
}

/** RMSProp (torch.optim.RMSprop, alpha = β2, not centred, no momentum): v ← β2·v + (1 − β2)·g²; θ ← θ − η·g/(√v + ε). */
export function rmspropStep(
  theta: Float64Array,
  g: Float64Array,
  v: Float64Array,
  h: EngineHyperParams,
): void {
  for (let i = 0; i < theta.length; i++) {
    const gi = g[i]!;
    v[i] = h.beta2 * v[i]! + (1 - h.beta2) * gi * gi;
    theta[i]! -= (h.learningRate * gi) / (Math.sqrt(v[i]!) + h.epsilon);
  }
}

/** AdaGrad (torch.optim.Adagrad, no lr decay, s starts at 0): s ← s + g²; θ ← θ − η·g/(√s + ε). */
export function adagradStep(
  theta: Float64Array,
  g: Float64Array,
  s: Float64Array,
  h: EngineHyperParams,
): void {
  for (let i = 0; i < theta.length; i++) {
    const gi = g[i]!;
    s[i] = s[i]! + gi * gi;
    theta[i]! -= (h.learningRate * gi) / (Math.sqrt(s[i]!) + h.epsilon);
  }
}

/** AdamW's decoupled decay before Adam's step (torch.optim.AdamW): θ ← θ − η·λ·θ. */
export function decoupledDecay(theta: Float64Array, h: EngineHyperParams): void {
  const keep = 1 - h.learningRate * (h.weightDecay ?? 0);
  for (let i = 0; i < theta.length; i++) theta[i]! *= keep;
}

/** L2 weight decay as torch.optim adds it to the gradient: g + λ·θ (a new array; `g` when λ = 0). */
export function withL2(g: Float64Array, theta: Float64Array, weightDecay: number): Float64Array {
  if (weightDecay === 0) return g;
  return g.map((gi, i) => gi + weightDecay * theta[i]!);
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1), with `p1`, `p2` the products P1, P2 already including this
 * step's β values:
 *   m_t = β1·m_{t−1} + (1 − β1)·g_t        v_t = β2·v_{t−1} + (1 − β2)·g_t²
 *   m̂_t = m_t / (1 − P1)                   v̂_t = v_t / (1 − P2)
 *   θ_t = θ_{t−1} − η·m̂_t / (√v̂_t + ε)
 * The running products (rather than β^t) keep a live β change correctly debiased. With
 * `biasCorrection: false`, m̂_t = m_t and v̂_t = v_t.
 */
export function adamStep(
  theta: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  h: EngineHyperParams,
  p1: number,
  p2: number,
): void {
  const corrected = h.biasCorrection !== false;
  for (let i = 0; i < theta.length; i++) {
    const gi = g[i]!;
    m[i] = h.beta1 * m[i]! + (1 - h.beta1) * gi;
    v[i] = h.beta2 * v[i]! + (1 - h.beta2) * gi * gi;
    const mHat = corrected ? m[i]! / (1 - p1) : m[i]!;
    const vHat = corrected ? v[i]! / (1 - p2) : v[i]!;
    theta[i]! -= (h.learningRate * mHat) / (Math.sqrt(vHat) + h.epsilon);
  }
}

/** The slot of parameter array `k` in `slots`, zeros of `length` the first time it is asked for. */
function slot(slots: Float64Array[], k: number, length: number): Float64Array {
  let s = slots[k];
  if (!s) {
    s = new Float64Array(length);
    slots[k] = s;
  }
  return s;
}

/**
 * One step of `state.name` on every parameter array, in place: `params[k]` moves along `grads[k]`.
 * The products advance once per step, before the update (P1 ← P1·β1, P2 ← P2·β2), as in the engine.
 * `lrScale` is the schedule's factor for this step (shared/schedule.ts): the step uses η·lrScale.
 * Weight decay λ is L2 on the gradient (g + λ·θ_{t−1}) for every optimizer but AdamW, which decays
 * θ by η_t·λ·θ before Adam's step.
 */
export function applyRule(
  state: RuleState,
  hyper: EngineHyperParams,
  params: readonly Float64Array[],
  grads: readonly Float64Array[],
  lrScale = 1,
): void {
  if (params.length !== grads.length)
    throw new RangeError(`applyRule: ${params.length} parameter arrays but ${grads.length} gradients`);
  const h = lrScale === 1 ? hyper : { ...hyper, learningRate: hyper.learningRate * lrScale };
  const decay = h.weightDecay ?? 0;
  state.p1 *= h.beta1;
  state.p2 *= h.beta2;
  params.forEach((theta, k) => {
    const g = state.name === 'adamw' ? grads[k]! : withL2(grads[k]!, theta, decay);
    if (state.name === 'adamw') decoupledDecay(theta, h); // then Adam's step
    switch (state.name) {
      case 'sgd':
        sgdStep(theta, g, h);
        break;
      case 'momentum':
        momentumStep(theta, g, slot(state.m, k, theta.length), h);
        break;
      case 'rmsprop':
        rmspropStep(theta, g, slot(state.v, k, theta.length), h);
        break;
      case 'adagrad':
        adagradStep(theta, g, slot(state.v, k, theta.length), h);
        break;
      case 'adam':
      case 'adamw':
        adamStep(
          theta,
          g,
          slot(state.m, k, theta.length),
          slot(state.v, k, theta.length),
          h,
          state.p1,
          state.p2,
        );
        break;
      default: {
        const never: never = state.name;
        throw new RangeError(`unknown optimizer ${String(never)}`);
      }
    }
  });
  state.t++;
}

// What the optimizer does inside a step, per layer tensor, as plain numbers: the vocabulary the worker
// reports and the page's "Inside the optimizer" view reads. No tfjs, no DOM.

/** One layer tensor's instruments at one step (every norm is the Euclidean one over its parameters). */
export interface LayerInternals {
  /** ‖g_t‖₂ of the gradient the step used. */
  gradNorm: number;
  /** ‖θ_t − θ_{t−1}‖₂: the update actually applied (float32 rounding included). */
  updateNorm: number;
  /** ‖θ_t‖₂ after the update. */
  weightNorm: number;
  /** Momentum: ‖v_t‖₂ of the velocity after the update. */
  velocityNorm?: number;
  /** Momentum: cos(v_t, g_t), 1 when the velocity points along today's gradient (0 if either is zero). */
  velocityCosine?: number;
  /**
   * Adam: median over parameters of the effective step η·|m̂_t|/(√v̂_t + ε) (m̂_t = m_t, v̂_t = v_t when
   * bias correction is off), estimated from a fixed strided sample of at most INTERNALS_SAMPLE parameters.
   */
  stepMedian?: number;
  /** Adam: 90th percentile of the same effective steps (same sample). */
  stepP90?: number;
  /** Adam: fraction of parameters where ε ≥ √v̂_t, i.e. where ε rather than the gradient sets the step. */
  epsShare?: number;
}

/** Every number a layer may report, in a fixed order: the export's columns and the page's storage. */
export const LAYER_FIELDS = [
  'gradNorm',
  'updateNorm',
  'weightNorm',
  'velocityNorm',
  'velocityCosine',
  'stepMedian',
  'stepP90',
  'epsShare',
] as const satisfies readonly (keyof LayerInternals)[];

/** The instruments of one step of one run. */
export interface InternalsPoint {
  /** 1-based step the numbers belong to. */
  step: number;
  /** By layer tensor name: `dense1.kernel`, `dense1.bias`, `dense2.kernel`, `dense2.bias`, … */
  layers: Record<string, LayerInternals>;
  /** Adam: 1/(1 − P1), P1 the product of the β1 values used so far (reported even with bias correction off). */
  biasCorrection1?: number;
  /** Adam: 1/(1 − P2), P2 the product of the β2 values used so far. */
  biasCorrection2?: number;
  /** η_t the step used (the schedule applied); absent in runs recorded before schedules. */
  lr?: number;
}

/** Instruments are recorded at every step up to this one… */
export const INTERNALS_EVERY_STEP_UNTIL = 50;
/** …and then at every this many steps. */
export const INTERNALS_EVERY = 10;

/** Whether step `step` (1-based) records instruments: 1…50, then 60, 70, … */
export function isInternalsStep(step: number): boolean {
  return step >= 1 && (step <= INTERNALS_EVERY_STEP_UNTIL || step % INTERNALS_EVERY === 0);
}

/**
 * Most parameters of one tensor the step percentiles look at: every k-th one, k odd (engine/internals.ts
 * samplePlan). tf.topk reads back synchronously on WebGL, so the GPU ranks the sample by counting
 * (engine/webgl/fusedInternals.ts), a cost that grows with its square. Tensors up to this size are used
 * whole (exact percentiles); dense1.kernel gives 1,015 of 100,480: a standard error of about 1.6% of
 * rank at the median and 0.9% at p90, and the same parameters every step, so the curves stay smooth.
 */
export const INTERNALS_SAMPLE = 1024;

/** Name of the `index`-th trainable tensor of a stack of dense layers (kernel, bias per layer). */
export function layerTensorName(index: number): string {
  return `dense${Math.floor(index / 2) + 1}.${index % 2 === 0 ? 'kernel' : 'bias'}`;
}

/** What the "Inside the optimizer" chart can show, derived from the instruments above. */
export const QUANTITIES = [
  'gradNorm',
  'updateRatio',
  'effectiveStep',
  'epsShare',
  'biasCorrection',
  'velocityCosine',
  'learningRate',
] as const;
export type Quantity = (typeof QUANTITIES)[number];

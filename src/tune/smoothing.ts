// The range test's smoothing: an exponential moving average with bias correction (the m̂_t of Adam,
// applied to a loss curve), fed one batch loss at a time as the worker reads them back.

/** m_t = β·m_{t−1} + (1 − β)·x_t, reported as m̂_t = m_t / (1 − β^t) so early values are not pulled to 0. */
export class DebiasedEma {
  private m = 0;
  /** β^t: the share of the average still missing after t values. */
  private missing = 1;

  constructor(readonly beta: number) {
    if (!(beta >= 0 && beta < 1)) throw new RangeError(`smoothing must be in [0, 1), got ${beta}`);
  }

  /** Takes x_t and returns m̂_t. */
  add(x: number): number {
    this.m = this.beta * this.m + (1 - this.beta) * x;
    this.missing *= this.beta;
    return this.m / (1 - this.missing);
  }
}

/** m̂_t of every prefix of `values`. */
export function debiasedEma(values: readonly number[], beta: number): number[] {
  const ema = new DebiasedEma(beta);
  return values.map((v) => ema.add(v));
}

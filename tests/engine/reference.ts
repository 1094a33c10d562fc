// Float64 reference implementations of the optimizer update rules, written independently of the engine.
import type { HyperParams, OptimizerName } from '../../src/shared/settings';

export class ReferenceOptimizer {
  private m: Float64Array[] = [];
  private v: Float64Array[] = [];
  private p1 = 1;
  private p2 = 1;
  constructor(
    readonly name: OptimizerName,
    public hyper: HyperParams,
  ) {}

  apply(params: Float64Array[], grads: Float64Array[]): void {
    const h = this.hyper;
    this.p1 *= h.beta1;
    this.p2 *= h.beta2;
    params.forEach((theta, k) => {
      const g = grads[k]!;
      this.m[k] ??= new Float64Array(theta.length);
      this.v[k] ??= new Float64Array(theta.length);
      const m = this.m[k]!;
      const v = this.v[k]!;
      for (let i = 0; i < theta.length; i++) {
        const gi = g[i]!;
        if (this.name === 'sgd') {
          theta[i]! -= h.learningRate * gi;
        } else if (this.name === 'momentum') {
          m[i] = h.momentum * m[i]! + gi;
          const dir = h.nesterov ? gi + h.momentum * m[i]! : m[i]!;
          theta[i]! -= h.learningRate * dir;
        } else {
          m[i] = h.beta1 * m[i]! + (1 - h.beta1) * gi;
          v[i] = h.beta2 * v[i]! + (1 - h.beta2) * gi * gi;
          const mHat = m[i]! / (1 - this.p1);
          const vHat = v[i]! / (1 - this.p2);
          theta[i]! -= (h.learningRate * mHat) / (Math.sqrt(vHat) + h.epsilon);
        }
      }
    });
  }
}

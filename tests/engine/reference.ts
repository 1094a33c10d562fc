// Float64 reference implementations of the optimizer update rules, written independently of the engine.
import type { EngineHyperParams } from '../../src/shared/checkpoint';
import type { OptimizerName } from '../../src/shared/settings';

export class ReferenceOptimizer {
  private m: Float64Array[] = [];
  private v: Float64Array[] = [];
  p1 = 1;
  p2 = 1;
  constructor(
    readonly name: OptimizerName,
    public hyper: EngineHyperParams,
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
          // Without bias correction m̂ = m and v̂ = v; the products P1, P2 are kept either way.
          const corrected = h.biasCorrection !== false;
          const mHat = corrected ? m[i]! / (1 - this.p1) : m[i]!;
          const vHat = corrected ? v[i]! / (1 - this.p2) : v[i]!;
          theta[i]! -= (h.learningRate * mHat) / (Math.sqrt(vHat) + h.epsilon);
        }
      }
    });
  }
}

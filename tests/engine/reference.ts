// The float64 reference the tests pin the tensor optimizers and the fused WebGL programs to: a thin
// class over the one definition of the update rules (src/shared/updateRules.ts), which the 2-D lab
// walks its surfaces with too. tests/lab checks that definition against independent arithmetic.
import type { EngineHyperParams } from '../../src/shared/checkpoint';
import type { OptimizerName } from '../../src/shared/settings';
import { applyRule, createRuleState, type RuleState } from '../../src/shared/updateRules';

export class ReferenceOptimizer {
  private readonly state: RuleState;
  constructor(
    readonly name: OptimizerName,
    public hyper: EngineHyperParams,
  ) {
    this.state = createRuleState(name);
  }

  /** Adam's running products P1 = Π β1 and P2 = Π β2 of the steps so far. */
  get p1(): number {
    return this.state.p1;
  }
  get p2(): number {
    return this.state.p2;
  }

  /** One step; `lrScale` is the schedule's factor (the step uses η·lrScale). */
  apply(params: Float64Array[], grads: Float64Array[], lrScale = 1): void {
    applyRule(this.state, this.hyper, params, grads, lrScale);
  }
}

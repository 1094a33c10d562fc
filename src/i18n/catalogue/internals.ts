// The "Inside the optimizer" chart: quantity names (with their formulas), layers, the rule-of-thumb band.
import type { Quantity } from '../../shared/internals';

const quantities: Record<Quantity, string> = {
  gradNorm: 'Gradient norm ‖g‖',
  updateRatio: 'Update / weight ‖Δθ‖ / ‖θ‖',
  effectiveStep: 'Effective step η·|m̂| / (√v̂ + ε), median (AdaGrad, RMSProp: m̂ = g)',
  epsShare: 'ε share: weights where ε ≥ √v̂',
  biasCorrection: 'Bias correction 1 / (1 − βᵗ)',
  velocityCosine: 'Velocity vs. gradient cos(v, g)',
  learningRate: 'Learning rate ηₜ (the schedule applied)',
};

const en = {
  title: 'Inside the optimizer',
  chart: 'Inside the optimizer chart',
  quantity: 'Quantity',
  layer: 'Layer',
  quantities,
  /**
   * A layer tensor's legend name: `tensor` as the model names it (dense2.kernel, conv1.bias), `depth`
   * its layer's position in the network (1 = nearest the input), `part` kernel or bias.
   */
  layerName: (tensor: string, _depth: number, _part: string, _conv: boolean) => tensor,
  band: 'rule of thumb ≈ 1e-3',
  none: 'This optimizer has no such quantity: pick another, or a run that uses one.',
  empty: "Train to see the optimizer's internals",
};

const zh: typeof en = {
  title: '优化器内部',
  chart: '优化器内部曲线图',
  quantity: '指标',
  layer: '层',
  quantities: {
    gradNorm: '梯度范数 ‖g‖',
    updateRatio: '更新量 / 权重 ‖Δθ‖ / ‖θ‖',
    effectiveStep: '有效步长 η·|m̂| / (√v̂ + ε)，中位数（AdaGrad、RMSProp：m̂ = g）',
    epsShare: 'ε 占比：ε ≥ √v̂ 的权重',
    biasCorrection: '偏差修正 1 / (1 − βᵗ)',
    velocityCosine: '速度与梯度的夹角余弦 cos(v, g)',
    learningRate: '学习率 ηₜ（计入调度）',
  },
  // Numbered by position, so the CNN's dense layer (dense1) is 第 3 层, after its two convolutions.
  layerName: (_tensor: string, depth: number, part: string, conv: boolean) =>
    conv
      ? `第 ${depth} 层（卷积）${part === 'kernel' ? '卷积核' : '偏置'}`
      : `第 ${depth} 层${part === 'kernel' ? '权重' : '偏置'}`,
  band: '经验值 ≈ 1e-3',
  none: '这个优化器没有这项指标：请换一个指标，或选择用到它的运行。',
  empty: '开始训练后可以看到优化器内部',
};

export const internals = { en, zh };

// The "Inside the optimizer" chart: quantity names (with their formulas), layers, the rule-of-thumb band.
import type { Quantity } from '../../shared/internals';

const quantities: Record<Quantity, string> = {
  gradNorm: 'Gradient norm ‖g‖',
  updateRatio: 'Update / weight ‖Δθ‖ / ‖θ‖',
  effectiveStep: 'Effective step η·|m̂| / (√v̂ + ε), median',
  epsShare: 'ε share: weights where ε ≥ √v̂',
  biasCorrection: 'Bias correction 1 / (1 − βᵗ)',
  velocityCosine: 'Velocity vs. gradient cos(v, g)',
};

const en = {
  title: 'Inside the optimizer',
  chart: 'Inside the optimizer chart',
  quantity: 'Quantity',
  layer: 'Layer',
  quantities,
  layerName: (n: number, kind: string) => `dense${n}.${kind}`,
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
    effectiveStep: '有效步长 η·|m̂| / (√v̂ + ε)，中位数',
    epsShare: 'ε 占比：ε ≥ √v̂ 的权重',
    biasCorrection: '偏差修正 1 / (1 − βᵗ)',
    velocityCosine: '速度与梯度的夹角余弦 cos(v, g)',
  },
  layerName: (n: number, kind: string) => `第 ${n} 层${kind === 'kernel' ? '权重' : '偏置'}`,
  band: '经验值 ≈ 1e-3',
  none: '这个优化器没有这项指标：请换一个指标，或选择用到它的运行。',
  empty: '开始训练后可以看到优化器内部',
};

export const internals = { en, zh };

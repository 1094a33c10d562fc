// Chart titles, axes, legends and markers.
const en = {
  lossTitle: 'Loss (cross-entropy)',
  accuracyTitle: 'Accuracy',
  lossChart: 'Loss chart',
  accuracyChart: 'Accuracy chart',
  training: 'training',
  trainingSmoothed: 'training (smoothed)',
  trainingRaw: 'training (raw)',
  validation: 'validation',
  trainingWhole: 'training (whole set)',
  key: (training: string) => `Solid: ${training} · dots on a dashed line: validation`,
  keyWhole: 'rings on a dotted line: training (whole set)',
  step: (step: string) => `step ${step}`,
  epoch: (n: number) => `epoch ${n}`,
  diverged: (name: string) => `${name} diverged`,
  pressStart: 'Press Start to train',
  loading: 'Loading MNIST…',
};

const zh: typeof en = {
  lossTitle: '损失（交叉熵）',
  accuracyTitle: '准确率',
  lossChart: '损失曲线图',
  accuracyChart: '准确率曲线图',
  training: '训练',
  trainingSmoothed: '训练（平滑）',
  trainingRaw: '训练（原始）',
  validation: '验证',
  trainingWhole: '训练（整个训练集）',
  key: (training: string) => `实线：${training} · 虚线上的点：验证`,
  keyWhole: '点线上的圆圈：训练（整个训练集）',
  step: (step: string) => `第 ${step} 步`,
  epoch: (n: number) => `第 ${n} 轮`,
  diverged: (name: string) => `${name} 已发散`,
  pressStart: '按“开始”进行训练',
  loading: '正在加载 MNIST…',
};

export const charts = { en, zh };

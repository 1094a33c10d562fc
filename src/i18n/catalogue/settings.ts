// The settings panel: every field's label (symbols kept as symbols), groups, option names and hints.
import type { Activation } from '../../shared/model';
import type { OptimizerName, Preprocessing, RunConfig, ScheduleName } from '../../shared/settings';

type FieldKey = keyof RunConfig;

const fields: Record<FieldKey, string> = {
  optimizer: 'Optimizer',
  learningRate: 'Learning rate η',
  beta1: 'β1',
  beta2: 'β2',
  epsilon: 'ε',
  momentum: 'Momentum μ',
  nesterov: 'Nesterov',
  biasCorrection: 'Bias correction',
  weightDecay: 'Weight decay λ',
  schedule: 'Learning-rate schedule',
  warmup: 'Warmup steps',
  gamma: 'Step decay γ',
  batchSize: 'Batch size',
  epochs: 'Epochs',
  preprocessing: 'Preprocessing',
  seed: 'Seed',
  model: 'Model',
  activation: 'Activation',
  trainImages: 'Training images',
  labelNoise: 'Label noise',
  dropout: 'Dropout',
  webgl: 'WebGL',
};
/** The optimizers' names, in each language (the equations' titles use them too). */
export const OPTIMIZER_NAMES: Record<'en' | 'zh', Record<OptimizerName, string>> = {
  en: {
    sgd: 'SGD',
    momentum: 'Momentum',
    adagrad: 'AdaGrad',
    rmsprop: 'RMSProp',
    adam: 'Adam',
    adamw: 'AdamW',
  },
  zh: {
    sgd: 'SGD',
    momentum: '动量法',
    adagrad: 'AdaGrad',
    rmsprop: 'RMSProp',
    adam: 'Adam',
    adamw: 'AdamW',
  },
};
const optimizers = OPTIMIZER_NAMES.en;
const schedules: Record<ScheduleName, string> = {
  constant: 'Constant',
  step: 'Step (×γ each epoch)',
  cosine: 'Cosine to 0',
  cyclic: 'Cyclic (η/10 ↔ η)',
};
const preprocessings: Record<Preprocessing, string> = {
  scale: 'Scale to [0, 1]',
  standardize: 'Standardize (mean 0, std 1)',
  none: 'None (raw 0–255)',
};

const activations: Record<Activation, string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'Sigmoid' };

/** The Model control: readable names of the networks, the custom-widths field and why it refuses. */
const model = {
  softmax: 'Softmax regression',
  /** `chain` is the layer widths, 784→128→10. */
  mlp: (chain: string) => `MLP ${chain}`,
  cnn: 'CNN, two 5×5 convolutions',
  option: (title: string, name: string) => `${title} (${name})`,
  custom: 'Custom widths…',
  widths: 'Hidden widths',
  widthsExample: '256-128',
  widthsHint: (layers: number, min: number, max: number) =>
    `Up to ${layers} hidden layers of ${min}–${max} units, e.g. 256-128`,
  size: (count: string) => `${count} parameters`,
  notWidths: 'is not a list of hidden widths such as 256-128',
  tooMany: (layers: number) => `has more than ${layers} hidden layers`,
  badWidth: (width: string, min: number, max: number) =>
    `has a layer of ${width} units (each needs ${min} to ${max})`,
  cnnActivation: 'The CNN’s convolutions always use ReLU',
  softmaxActivation: 'Softmax regression has no hidden layer to activate',
};

const en = {
  fields,
  optimizers,
  schedules,
  preprocessings,
  activations,
  model,
  live: 'Optimizer · live',
  l2Hint: 'L2: adds λ·θ to the gradient',
  decoupledHint: 'AdamW: θ shrinks by η·λ·θ each step',
  setup: 'Run setup · applies on Reset',
  data: 'Data · applies on Reset',
  trainImagesHint: (all: string) => `A seeded subset of the ${all} training images`,
  wrongLabels: (wrong: string, of: string) => `${wrong} of ${of} training labels will be wrong`,
  dropoutMlpOnly: 'Dropout applies to MLPs; the CNN trains without it',
  display: 'Display',
  smoothing: 'Smoothing',
  logScale: 'Log scale',
  valueOf: (label: string) => `${label} value`,
  appliesOnReset: (value: string) => `Applies on Reset (run uses ${value})`,
  refused: (typed: string, reason: string, kept: string) => `"${typed}" ${reason}; kept ${kept}.`,
  clamped: (label: string, note: string) => `${label} ${note}.`,
};

const zh: typeof en = {
  fields: {
    optimizer: '优化器',
    learningRate: '学习率 η',
    beta1: 'β1',
    beta2: 'β2',
    epsilon: 'ε',
    momentum: '动量 μ',
    nesterov: 'Nesterov 动量',
    biasCorrection: '偏差修正',
    weightDecay: '权重衰减 λ',
    schedule: '学习率调度',
    warmup: '预热步数',
    gamma: '阶梯衰减 γ',
    batchSize: '批大小',
    epochs: '训练轮数',
    preprocessing: '预处理',
    seed: '随机种子',
    model: '模型',
    activation: '激活函数',
    trainImages: '训练图像数',
    labelNoise: '标签噪声',
    dropout: '随机失活',
    webgl: 'WebGL',
  },
  optimizers: OPTIMIZER_NAMES.zh,
  schedules: {
    constant: '恒定',
    step: '阶梯（每轮 ×γ）',
    cosine: '余弦降到 0',
    cyclic: '循环（η/10 ↔ η）',
  },
  preprocessings: {
    scale: '缩放到 [0, 1]',
    standardize: '标准化（均值 0，标准差 1）',
    none: '不处理（原始 0–255）',
  },
  activations: { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' },
  model: {
    softmax: 'softmax 回归',
    mlp: (chain: string) => `多层感知机 ${chain}`,
    cnn: '卷积网络，两层 5×5 卷积',
    option: (title: string, name: string) => `${title}（${name}）`,
    custom: '自定义宽度…',
    widths: '隐藏层宽度',
    widthsExample: '256-128',
    widthsHint: (layers: number, min: number, max: number) =>
      `最多 ${layers} 个隐藏层，每层 ${min}–${max} 个单元，例如 256-128`,
    size: (count: string) => `${count} 个参数`,
    notWidths: '不是隐藏层宽度的列表（例如 256-128）',
    tooMany: (layers: number) => `超过了 ${layers} 个隐藏层`,
    badWidth: (width: string, min: number, max: number) =>
      `有一层是 ${width} 个单元（每层须为 ${min} 到 ${max} 个）`,
    cnnActivation: '卷积网络的卷积层始终使用 ReLU',
    softmaxActivation: 'softmax 回归没有隐藏层，不用激活函数',
  },
  live: '优化器 · 实时生效',
  l2Hint: 'L2：在梯度上加 λ·θ',
  decoupledHint: 'AdamW：每步让 θ 缩小 η·λ·θ',
  setup: '运行设置 · 重置后生效',
  data: '数据 · 重置后生效',
  trainImagesHint: (all: string) => `从 ${all} 张训练图像中按随机种子抽取`,
  wrongLabels: (wrong: string, of: string) => `${of} 个训练标签中将有 ${wrong} 个是错的`,
  dropoutMlpOnly: '随机失活只作用于多层感知机；卷积网络不使用它',
  display: '显示',
  smoothing: '平滑',
  logScale: '对数坐标',
  valueOf: (label: string) => `${label} 数值`,
  appliesOnReset: (value: string) => `重置后生效（当前运行使用 ${value}）`,
  refused: (typed: string, reason: string, kept: string) => `“${typed}”${reason}；保留 ${kept}。`,
  // A label ending in a symbol (学习率 η) needs a space before the Chinese that follows it.
  clamped: (label: string, note: string) => `${label}${/[A-Za-zα-ω0-9]$/.test(label) ? ' ' : ''}${note}。`,
};

export const settings = { en, zh };

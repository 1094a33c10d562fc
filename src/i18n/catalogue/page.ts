// Page frame: title, header, language and theme switches, toolbar, shortcuts, loading, last-resort error.
import { modelSpec, type Activation, type ModelName } from '../../shared/model';

const ACTIVATION_NAMES: Record<Activation, string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' };

/** 784 → 128 ReLU → 10; the CNN by its layers (`conv` is the language's word for a convolution). */
function layers(model: ModelName, activation: Activation, conv: string): string {
  const spec = modelSpec(model);
  if (spec.kind === 'cnn') return `28×28 → ${conv} 5×5×8 → ${conv} 5×5×16 → 10`;
  const act = ACTIVATION_NAMES[activation] ?? activation;
  return ['784', ...spec.hidden.map((w) => `${w} ${act}`), '10'].join(' → ');
}

const en = {
  title: 'MNIST optimizer playground',
  subtitle: (device: string) => `hand-written SGD, momentum, AdaGrad, RMSProp, Adam and AdamW on ${device}`,
  architecture: (model: ModelName, activation: Activation) => layers(model, activation, 'conv'),
  deviceCpu: 'the CPU',
  deviceWebgl: 'WebGL',
  language: 'Language',
  /** The switch's visible label names both, so someone who cannot read the page still finds it. */
  languageBoth: 'Language / 语言',
  theme: 'Theme',
  themes: { system: 'System', light: 'Light', dark: 'Dark' },
  view: 'View',
  views: { default: 'Standard', projector: 'Projector', lab: '2-D lab' },
  tabs: 'Where the runs train',
  tabMnist: 'MNIST training',
  tabLab: '2-D lab',
  toolbarRegion: 'Training controls',
  toolbar: 'Training',
  primary: { Start: 'Start', Pause: 'Pause', Resume: 'Resume' },
  step: 'Step',
  stepTitle: 'Train on one batch',
  reset: 'Reset',
  resetTitle: 'Back to the initial weights of this seed',
  copyLink: 'Copy link',
  copyLinkTitle: 'Copy a link that reproduces these settings',
  spaceHint: 'Space: pause / resume',
  shortcuts: 'Keyboard shortcuts',
  shortcutList: {
    space: 'pause / resume training',
    s: 'train one step',
    r: 'reset to the initial weights',
    arrows: 'move a focused slider',
    help: 'show or hide this list',
  },
  spaceKey: 'Space',
  downloadRegion: 'MNIST download',
  downloading: (loaded: string, total: string) => `Downloading MNIST: ${loaded} / ${total} MB`,
  crashed: (message: string) => `Something went wrong on this page: ${message}`,
  openDefault: 'Open the playground with default settings',
};

const zh: typeof en = {
  title: 'MNIST 优化器实验室',
  subtitle: (device: string) => `手写的 SGD、动量法、AdaGrad、RMSProp、Adam 和 AdamW，运行于 ${device}`,
  architecture: (model: ModelName, activation: Activation) => layers(model, activation, '卷积'),
  deviceCpu: 'CPU',
  deviceWebgl: 'WebGL',
  language: '语言',
  languageBoth: '语言 / Language',
  theme: '主题',
  themes: { system: '跟随系统', light: '浅色', dark: '深色' },
  view: '视图',
  views: { default: '标准', projector: '投影', lab: '二维实验室' },
  tabs: '运行在哪里训练',
  tabMnist: 'MNIST 训练',
  tabLab: '二维实验室',
  toolbarRegion: '训练控制',
  toolbar: '训练',
  primary: { Start: '开始', Pause: '暂停', Resume: '继续' },
  step: '单步',
  stepTitle: '用一个批次训练一步',
  reset: '重置',
  resetTitle: '回到该随机种子的初始权重',
  copyLink: '复制链接',
  copyLinkTitle: '复制一个能复现这些设置的链接',
  spaceHint: '空格键：暂停 / 继续',
  shortcuts: '键盘快捷键',
  shortcutList: {
    space: '暂停 / 继续训练',
    s: '训练一步',
    r: '重置为初始权重',
    arrows: '移动获得焦点的滑块',
    help: '显示或隐藏此列表',
  },
  spaceKey: '空格',
  downloadRegion: 'MNIST 下载',
  downloading: (loaded: string, total: string) => `正在下载 MNIST：${loaded} / ${total} MB`,
  crashed: (message: string) => `页面出错了：${message}`,
  openDefault: '以默认设置重新打开实验室',
};

export const page = { en, zh };

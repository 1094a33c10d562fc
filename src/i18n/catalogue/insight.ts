// What the model learned: its predictions on the test digits (and on the training images given a wrong
// label), the confusion matrix, and a digit to draw.
// Numbers arrive formatted; a digit (0–9) arrives as a number.
const en = {
  title: 'What the model learned',
  intro: 'The selected run’s weights as they are now, on the test digits; updated at the end of each epoch.',
  atStep: (step: string) => `Weights at step ${step}`,
  refresh: 'Refresh',
  updating: 'Updating…',
  /** While training goes on, a pass over the test set takes a piece at a time. */
  updatingProgress: (done: string, total: string) => `Updating: ${done} of ${total} test digits…`,
  loading: 'Loading MNIST…',
  waiting: 'The test digits are still downloading: the predictions appear once they are in.',
  noLane: 'This run has not been set up yet: press Reset to train it.',
  firstEpoch: 'The predictions appear at the end of the first epoch; Refresh shows them now.',

  predictions: 'Predictions',
  gridAll: (shown: string, mistakes: string, total: string) =>
    `${mistakes} mistakes among ${total} test digits; ${shown} shown, mistakes first (most confident first).`,
  gridCell: (label: number, predicted: number, matching: string, shown: string) =>
    `Labelled ${label}, predicted ${predicted}: ${matching} digits (${shown} shown).`,
  gridEmpty: 'No test digit falls in this cell.',
  showAll: 'Show all digits',
  digitGrid: 'Test digits and what the network predicted',
  digit: (label: number, predicted: number, confidence: string) =>
    `A ${label}, predicted ${predicted} (${confidence})`,
  truth: (label: number) => `is ${label}`,

  /** Training images the data lever (label noise) gave a wrong label: the toggle shows its count. */
  mislabelledToggle: (count: string) => `Mislabelled training images (${count})`,
  mislabelledFirst: 'The mislabelled training images appear once the network has predicted them.',
  mislabelledSummary: (total: string, memorised: string, trueDigit: string, other: string, shown: string) =>
    `Of ${total} training images given a wrong label, the network predicts the wrong label it was taught for ${memorised} (memorised), the true digit for ${trueDigit}, another digit for ${other}; the first ${shown} shown.`,
  mislabelledGrid: 'Mislabelled training images and what the network predicts now',
  mislabelledDigit: (label: number, given: number, predicted: number, confidence: string) =>
    `A ${label} labelled ${given} in training, predicted ${predicted} (${confidence})`,
  taught: (given: number) => `taught ${given}`,
  updatingMislabelled: (done: string, total: string) =>
    `Updating: ${done} of ${total} mislabelled training images…`,
  waitingTrain: 'The training images are still downloading: the mislabelled ones appear once they are in.',

  confusion: 'Confusion matrix',
  rowNormalised: 'Row-normalised',
  trueDigit: 'True',
  predicted: 'Predicted',
  accuracy: (acc: string, correct: string, total: string) =>
    `Accuracy ${acc}: ${correct} of ${total} test digits. Pick a cell to see its digits.`,
  cell: (value: string, label: number, predicted: number) =>
    `${value}: labelled ${label}, predicted ${predicted}`,

  draw: 'Draw a digit',
  drawHint: 'Draw with the mouse, a pen or a finger; the bars show the run’s ten class probabilities.',
  pad: 'Drawing area: draw a digit here',
  clear: 'Clear',
  sees: 'What the network sees (28 × 28)',
  probabilities: 'Class probabilities',
  drawFirst: 'Draw a digit to see what the network makes of it.',
  guess: (digit: number, p: string) => `The network says ${digit} (${p}).`,
};

const zh: typeof en = {
  title: '模型学到了什么',
  intro: '用所选运行当前的权重在测试数字上计算；每轮结束时自动更新。',
  atStep: (step: string) => `第 ${step} 步的权重`,
  refresh: '刷新',
  updating: '正在更新…',
  updatingProgress: (done: string, total: string) => `正在更新：已完成 ${total} 个测试数字中的 ${done} 个…`,
  loading: '正在加载 MNIST…',
  waiting: '测试数字仍在下载中，下载完成后即显示预测。',
  noLane: '此运行尚未建立：按“重置”开始训练它。',
  firstEpoch: '第一轮结束时显示预测；按“刷新”可立即查看。',

  predictions: '预测',
  gridAll: (shown: string, mistakes: string, total: string) =>
    `${total} 张测试数字中错了 ${mistakes} 张；显示 ${shown} 张，错误在前（最有把握的在前）。`,
  gridCell: (label: number, predicted: number, matching: string, shown: string) =>
    `标签为 ${label}、预测为 ${predicted}：共 ${matching} 张（显示 ${shown} 张）。`,
  gridEmpty: '没有测试数字落在这个单元格。',
  showAll: '显示全部数字',
  digitGrid: '测试数字及网络的预测',
  digit: (label: number, predicted: number, confidence: string) =>
    `标签 ${label}，预测为 ${predicted}（${confidence}）`,
  truth: (label: number) => `实为 ${label}`,

  mislabelledToggle: (count: string) => `标签错误的训练图像（${count}）`,
  mislabelledFirst: '网络预测完成后即显示标签错误的训练图像。',
  mislabelledSummary: (total: string, memorised: string, trueDigit: string, other: string, shown: string) =>
    `在 ${total} 张被给了错误标签的训练图像中，网络把 ${memorised} 张预测为训练时教给它的错误标签（记住了），${trueDigit} 张预测为真实数字，${other} 张预测为其他数字；显示前 ${shown} 张。`,
  mislabelledGrid: '标签错误的训练图像及网络现在的预测',
  mislabelledDigit: (label: number, given: number, predicted: number, confidence: string) =>
    `实为 ${label}，训练标签为 ${given}，预测为 ${predicted}（${confidence}）`,
  taught: (given: number) => `标为 ${given}`,
  updatingMislabelled: (done: string, total: string) =>
    `正在更新：已完成 ${total} 张标签错误的训练图像中的 ${done} 张…`,
  waitingTrain: '训练图像仍在下载中，下载完成后即显示标签错误的图像。',

  confusion: '混淆矩阵',
  rowNormalised: '按行归一化',
  trueDigit: '真实',
  predicted: '预测',
  accuracy: (acc: string, correct: string, total: string) =>
    `准确率 ${acc}：${total} 张测试数字中对了 ${correct} 张。点击单元格可查看其中的数字。`,
  cell: (value: string, label: number, predicted: number) => `${value}：标签 ${label}，预测为 ${predicted}`,

  draw: '画一个数字',
  drawHint: '用鼠标、触控笔或手指书写；条形显示该运行对十个类别的概率。',
  pad: '绘图区：在这里写一个数字',
  clear: '清除',
  sees: '网络看到的输入（28 × 28）',
  probabilities: '类别概率',
  drawFirst: '写一个数字，看看网络把它认成什么。',
  guess: (digit: number, p: string) => `网络认为是 ${digit}（${p}）。`,
};

export const insight = { en, zh };

// Export, import, kept runs, the change log and copy link: buttons and the notices they raise.
const en = {
  region: 'Data',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exporting: (percent: string) => `Exporting… ${percent}`,
  chartLoss: 'Loss',
  chartAccuracy: 'Accuracy',
  importJson: 'Import JSON',
  importFile: 'Import JSON file',
  clearAll: 'Clear all',
  clearAllTitle: 'Forget kept and imported runs',
  downloadModel: 'Download model',
  exportPytorch: 'Export PyTorch script',
  exportPytorchTitle:
    'One ".py" file that trains every run of this experiment again in PyTorch, exactly: "python3 file.py --mnist DIR"',
  pytorchSaved:
    'Saved the PyTorch script. Run it with "python3 <file> --mnist <folder with the four MNIST files>"; it writes the losses as a JSON to import here.',
  downloadModelTitle: (run: string, step: string) =>
    `Saves ${run}'s network as it is at step ${step} (training pauses first) as a TensorFlow.js layers model (a JSON file and its weights) for tf.loadLayersModel or conversion to Keras`,
  preparingModel: 'Preparing model…',
  modelSaved: (run: string, step: string, json: string, weights: string) =>
    `Saved ${run}'s network at step ${step}: ${json} and ${weights} (keep them in one folder).`,
  modelUsage: (center: string, spread: string) =>
    `It takes rows of 784 pixels, each byte as (byte − ${center}) / ${spread}, and gives the ten digits' softmax probabilities. Load it with tf.loadLayersModel, or convert it to Keras with tensorflowjs_converter.`,
  modelStale: (step: string) =>
    `Training did not stop in time: these are the weights of the last checkpoint, step ${step}.`,
  modelUntrained: 'Nothing to download yet: train the run for at least one step.',
  modelNoLane: (run: string) => `${run} has not trained yet: press Reset to train it with the others.`,
  modelNotFinite: (run: string) =>
    `${run}'s weights are not finite numbers (it diverged): nothing was saved.`,
  modelFailed: (why: string) => `The model could not be saved: ${why}`,
  nothingToExport: 'The chart has nothing to export yet.',
  pngFailed: (why: string) => `PNG export failed: ${why}`,
  imported: (count: number, file: string) =>
    `Imported ${count} ${count === 1 ? 'run' : 'runs'} from ${file} as read-only curves.`,
  importRefused: (file: string, why: string) => `Nothing imported from ${file}: ${why}`,
  keptUnreadable: (why: string) => `Kept runs could not be read: ${why}`,
  keepFailed: (why: string) => `The runs could not be kept for next time: ${why}`,
  clearFailed: (why: string) => `Kept runs could not be cleared: ${why}`,
  copyFailed: 'Could not reach the clipboard. Copy this link by hand:',
  copied: 'Link copied: it opens these exact settings.',
  changes: 'Live changes',
  forget: 'Forget changes and reset',
  forgetTitle: 'Reset replays these changes; this forgets them instead',
  replays: ' (replays at this step)',
  step: (step: string) => `step ${step}`,
  /** CSV column names, in column order; the JSON export keeps its keys in English for programs. */
  csvHeader: ['run', 'step', 'epoch', 'loss', 'accuracy', 'lr', 'val_loss', 'val_accuracy'],
  /** The whole (small) training set: against its labels, and the accuracy against the true ones. */
  csvWhole: ['train_loss', 'train_accuracy', 'train_true_accuracy'],
};

const zh: typeof en = {
  region: '数据',
  exportCsv: '导出 CSV',
  exportJson: '导出 JSON',
  exporting: (percent: string) => `正在导出…… ${percent}`,
  chartLoss: '损失图',
  chartAccuracy: '准确率图',
  importJson: '导入 JSON',
  importFile: '导入 JSON 文件',
  clearAll: '全部清除',
  clearAllTitle: '清除已保存和已导入的运行',
  downloadModel: '下载模型',
  exportPytorch: '导出 PyTorch 脚本',
  exportPytorchTitle:
    '一个 ".py" 文件，用 PyTorch 精确地重新训练这个实验的每个运行："python3 文件.py --mnist 目录"',
  pytorchSaved:
    '已保存 PyTorch 脚本。运行 "python3 <文件> --mnist <存放四个 MNIST 文件的文件夹>"；它会把损失写成 JSON，可以在这里导入。',
  downloadModelTitle: (run: string, step: string) =>
    `把 ${run} 在第 ${step} 步的网络保存为 TensorFlow.js 层模型（会先暂停训练）：一个 JSON 文件和一个权重文件，可用 TensorFlow.js 加载，或转换为 Keras 模型`,
  preparingModel: '正在准备模型……',
  modelSaved: (run: string, step: string, json: string, weights: string) =>
    `已保存 ${run} 在第 ${step} 步的网络：${json} 和 ${weights}（请放在同一个文件夹里）。`,
  modelUsage: (center: string, spread: string) =>
    `输入为每行 784 个像素，每个字节按 (字节 − ${center}) / ${spread} 换算；输出为十个数字的 softmax 概率。可用 TensorFlow.js 加载，或用它的转换工具转换为 Keras 模型。`,
  modelStale: (step: string) => `训练没有及时停下：这些是最近一次检查点（第 ${step} 步）的权重。`,
  modelUntrained: '还没有可下载的模型：请至少训练一步。',
  modelNoLane: (run: string) => `${run} 还没有训练：按“重置”让它和其他运行一起训练。`,
  modelNotFinite: (run: string) => `${run} 的权重不是有限数值（训练已发散）：没有保存任何文件。`,
  modelFailed: (why: string) => `无法保存模型：${why}`,
  nothingToExport: '图表还没有可导出的内容。',
  pngFailed: (why: string) => `PNG 导出失败：${why}`,
  imported: (count: number, file: string) => `已从 ${file} 导入 ${count} 个运行，显示为只读曲线。`,
  importRefused: (file: string, why: string) => `未从 ${file} 导入任何内容：${why}`,
  keptUnreadable: (why: string) => `无法读取已保存的运行：${why}`,
  keepFailed: (why: string) => `无法保存这些运行以供下次使用：${why}`,
  clearFailed: (why: string) => `无法清除已保存的运行：${why}`,
  copyFailed: '无法访问剪贴板。请手动复制这个链接：',
  copied: '链接已复制：打开它会得到完全相同的设置。',
  changes: '实时修改',
  forget: '忘记修改并重置',
  forgetTitle: '重置时会重放这些修改；此按钮改为忘记它们',
  replays: '（将在这一步重放）',
  step: (step: string) => `第 ${step} 步`,
  csvHeader: ['运行', '步数', '轮次', '损失', '准确率', '学习率', '验证集损失', '验证集准确率'],
  csvWhole: ['训练集损失', '训练集准确率', '训练集真实标签准确率'],
};

export const data = { en, zh };

// Why an imported JSON file (or the runs stored from an earlier visit) was refused: one sentence
// naming the part of the file at fault. `where` is one of the place names below, in the same language;
// `value` is the file's own JSON text (or imports.missingValue), `label` a settings.fields label.

/** A run's two metric series: training points and validation results. */
export type SeriesKind = 'points' | 'validation' | 'training';
export type MetricName = 'loss' | 'accuracy';

const en = {
  /** A series by name, and one of its items; `series` and `item` are passed to the sentences below. */
  series: {
    points: 'points',
    validation: 'validation results',
    training: 'whole-training-set results',
  } satisfies Record<SeriesKind, string>,
  item: {
    points: 'point',
    validation: 'validation result',
    training: 'whole-training-set result',
  } satisfies Record<SeriesKind, string>,
  /** A metric with its article, as notMetric puts it. */
  metric: { loss: 'a loss', accuracy: 'an accuracy' } satisfies Record<MetricName, string>,

  run: (n: number) => `Run ${n}`,
  change: (where: string, n: number) => `${where}'s change ${n}`,
  testResult: (where: string) => `${where}'s test result`,
  seriesItem: (where: string, item: string, n: number) => `${where}'s ${item} ${n}`,
  /** Stands in for a value the file does not have, where the sentence quotes the value. */
  missingValue: 'missing',

  tooLarge: (mb: number) => `This file is too large to import (over ${mb} MB).`,
  tooDeep: (levels: number) =>
    `This file nests lists or objects more than ${levels} levels deep, deeper than any export.`,
  notText: 'This file could not be read as text.',
  unreadable: 'This file could not be read.',
  notJson: 'This file is not valid JSON.',
  notObjectFile: 'This file is not a playground export (it is not a JSON object).',
  noFormat: 'This file is not a playground export (it has no "format").',
  wrongFormat: (value: string) => `This file is not a playground export (format is ${value}).`,
  wrongVersion: (value: string, supported: number) =>
    `This export's version ${value} is not supported; this page reads version ${supported}.`,
  forbiddenKey: (key: string) => `The file contains the key "${key}", which is not allowed.`,
  noDate: 'The file has no export date ("exportedAt").',
  noShared: 'The file has no shared settings ("shared").',
  sharedSetting: (label: string, problem: string) => `The shared setting "${label}" ${problem}.`,
  noRuns: 'The file\'s "runs" is missing or not a list.',
  emptyRuns: 'The file holds no runs.',
  tooManyRuns: (count: number, max: number) =>
    `The file holds ${count} runs, but at most ${max} can be compared.`,
  sameId: (a: number, b: number, id: string) => `Runs ${a} and ${b} have the same id ${id}.`,

  notObject: (where: string) => `${where} is not an object.`,
  badStep: (where: string, value: string) => `${where} has an invalid step (${value}).`,
  badEpoch: (where: string, value: string) => `${where} has an invalid epoch (${value}).`,
  badRate: (where: string, value: string) => `${where} has an invalid learning rate (${value}).`,
  notMetric: (where: string, metric: string, value: string) =>
    `${where} has ${metric} that is not a number (${value}).`,
  seriesMissing: (where: string, series: string) => `${where}'s ${series} are missing or not a list.`,
  seriesUnsorted: (where: string, series: string, step: number, prev: number) =>
    `${where}'s ${series} are not sorted by step (step ${step} comes after step ${prev}).`,
  unknownSetting: (where: string, value: string) => `${where} changes an unknown setting ${value}.`,
  changeSetting: (where: string, label: string, problem: string) => `${where} (${label}) ${problem}.`,
  noSpec: (where: string) => `${where} has no run settings ("spec").`,
  noId: (where: string) => `${where} has no valid id.`,
  nameNotText: (where: string) => `${where}'s name is missing or not text.`,
  badName: (where: string) => `${where}'s name is empty, too long or has unusable characters.`,
  badColour: (where: string, value: string) =>
    `${where}'s colour ${value} is not a hex colour like "#0072B2".`,
  badHidden: (where: string) => `${where}'s "hidden" is not true or false.`,
  noInitial: (where: string) => `${where}'s initial settings are missing.`,
  initialSetting: (where: string, label: string, problem: string) =>
    `${where}'s initial setting "${label}" ${problem}.`,
  noTimeline: (where: string) => `${where}'s timeline is missing or not a list.`,
  tooManyChanges: (where: string, max: number) => `${where} has more than ${max} changes.`,
  changesUnsorted: (where: string) => `${where}'s changes are not sorted by step.`,
};

/** A place name followed directly by Chinese: a space after a trailing number or Latin letter only. */
const sp = (where: string) => (/[0-9A-Za-z]$/.test(where) ? `${where} ` : where);

// JSON field names ("format", "runs") keep the file's spelling and ASCII quotes: they are code to
// look for in the file, not words to read.
const zh: typeof en = {
  series: { points: '训练数据点', validation: '验证结果', training: '整个训练集的结果' },
  item: { points: '训练数据点', validation: '验证结果', training: '整个训练集的结果' },
  metric: { loss: '损失', accuracy: '准确率' },

  run: (n: number) => `运行 ${n}`,
  change: (where: string, n: number) => `${sp(where)}的第 ${n} 项修改`,
  testResult: (where: string) => `${sp(where)}的测试结果`,
  seriesItem: (where: string, item: string, n: number) => `${sp(where)}的第 ${n} 个${item}`,
  missingValue: '缺失',

  tooLarge: (mb: number) => `这个文件太大，无法导入（超过 ${mb} MB）。`,
  tooDeep: (levels: number) => `这个文件中列表或对象的嵌套超过 ${levels} 层，比任何导出文件都深。`,
  notText: '无法把这个文件读取为文本。',
  unreadable: '无法读取这个文件。',
  notJson: '这个文件不是有效的 JSON。',
  notObjectFile: '这个文件不是本实验室导出的文件（它不是 JSON 对象）。',
  noFormat: '这个文件不是本实验室导出的文件（它没有 "format" 字段）。',
  wrongFormat: (value: string) => `这个文件不是本实验室导出的文件（"format" 为 ${value}）。`,
  wrongVersion: (value: string, supported: number) =>
    `不支持这个导出文件的版本 ${value}；本页面只能读取版本 ${supported}。`,
  forbiddenKey: (key: string) => `文件中含有不允许使用的键“${key}”。`,
  noDate: '文件没有导出日期（"exportedAt"）。',
  noShared: '文件没有共享设置（"shared"）。',
  sharedSetting: (label: string, problem: string) => `共享设置“${label}”${problem}。`,
  noRuns: '文件中的 "runs" 缺失，或者不是列表。',
  emptyRuns: '文件中没有任何运行。',
  tooManyRuns: (count: number, max: number) => `文件中有 ${count} 个运行，但最多只能比较 ${max} 个。`,
  sameId: (a: number, b: number, id: string) => `运行 ${a} 和运行 ${b} 的 "id" 相同（都是 ${id}）。`,

  notObject: (where: string) => `${sp(where)}不是对象。`,
  badStep: (where: string, value: string) => `${sp(where)}的步数无效（${value}）。`,
  badEpoch: (where: string, value: string) => `${sp(where)}的轮次无效（${value}）。`,
  badRate: (where: string, value: string) => `${sp(where)}的学习率无效（${value}）。`,
  notMetric: (where: string, metric: string, value: string) =>
    `${sp(where)}的${metric}不是数字（${value}）。`,
  seriesMissing: (where: string, series: string) => `${sp(where)}的${series}缺失，或者不是列表。`,
  seriesUnsorted: (where: string, series: string, step: number, prev: number) =>
    `${sp(where)}的${series}没有按步数排序（第 ${step} 步排在第 ${prev} 步之后）。`,
  unknownSetting: (where: string, value: string) => `${sp(where)}涉及未知的设置 ${value}。`,
  changeSetting: (where: string, label: string, problem: string) => `${where}（${label}）${problem}。`,
  noSpec: (where: string) => `${sp(where)}没有运行设置（"spec"）。`,
  noId: (where: string) => `${sp(where)}没有有效的 "id"。`,
  nameNotText: (where: string) => `${sp(where)}的名称缺失，或者不是文本。`,
  badName: (where: string) => `${sp(where)}的名称为空、过长，或含有无法使用的字符。`,
  badColour: (where: string, value: string) =>
    `${sp(where)}的颜色 ${value} 不是“#0072B2”这样的十六进制颜色。`,
  badHidden: (where: string) => `${sp(where)}的 "hidden" 既不是 "true" 也不是 "false"。`,
  noInitial: (where: string) => `${sp(where)}没有初始设置。`,
  initialSetting: (where: string, label: string, problem: string) =>
    `${sp(where)}的初始设置“${label}”${problem}。`,
  noTimeline: (where: string) => `${sp(where)}的修改记录（"timeline"）缺失，或者不是列表。`,
  tooManyChanges: (where: string, max: number) => `${sp(where)}的修改超过 ${max} 项。`,
  changesUnsorted: (where: string) => `${sp(where)}的修改没有按步数排序。`,
};

export const imports = { en, zh };

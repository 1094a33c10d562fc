// The update of one traced weight, written out with its numbers ("Adam's update, with numbers").
import type { OptimizerName } from '../../shared/settings';
import { OPTIMIZER_NAMES } from './settings';

const { en: enNames, zh: zhNames } = OPTIMIZER_NAMES;

/**
 * What feeds the output layer, whose weights the equations follow: an MLP's last hidden layer, the
 * pixels themselves (softmax regression), or the CNN's flattened features.
 */
export type UnitKind = 'hidden' | 'pixel' | 'feature';
const enUnits: Record<UnitKind, string> = { hidden: 'Hidden unit', pixel: 'Pixel', feature: 'Conv feature' };
const zhUnits: Record<UnitKind, string> = { hidden: '隐藏单元', pixel: '像素', feature: '卷积特征' };

const en = {
  title: (optimizer: OptimizerName) => `${enNames[optimizer] ?? optimizer}'s update, with numbers`,
  region: 'The optimizer’s update of one weight',
  /** `unit`: unitInSentence's name for what feeds the output layer. */
  weight: (unit: string, row: number, col: number, step: number) =>
    `The weight from ${unit} ${row} to digit ${col}, at step ${step}`,
  empty: 'Train, or press Step, to follow one weight through its update.',
  rule: 'Rule',
  numbers: 'With this step’s numbers',
  gpu: (value: string) => `θ on the GPU after the step (float32): ${value}`,
  followLargest: 'Follow the largest |g|',
  unit: enUnits,
  unitInSentence: { hidden: 'hidden unit', pixel: 'pixel', feature: 'conv feature' } as Record<
    UnitKind,
    string
  >,
  digit: 'Digit',
  follow: 'Follow this weight',
  picked: 'Following the weight you picked',
  largest: 'Following the weight with the largest |g| when it was picked',
};

const zh: typeof en = {
  title: (optimizer: OptimizerName) => `${zhNames[optimizer] ?? optimizer} 的更新：代入数值`,
  region: '优化器对一个权重的更新',
  weight: (unit: string, row: number, col: number, step: number) =>
    `从${unit} ${row} 到数字 ${col} 的权重，第 ${step} 步`,
  empty: '开始训练或按“单步”，即可跟踪一个权重的更新。',
  rule: '公式',
  numbers: '代入这一步的数值',
  gpu: (value: string) => `这一步之后 GPU 上的 θ（float32）：${value}`,
  followLargest: '跟踪 |g| 最大的权重',
  unit: zhUnits,
  unitInSentence: zhUnits,
  digit: '数字',
  follow: '跟踪这个权重',
  picked: '正在跟踪你选择的权重',
  largest: '正在跟踪选定时 |g| 最大的权重',
};

export const equations = { en, zh };

// Why a setting's value was refused or clamped, as predicate phrases ("is not a number") that each
// caller puts after its own subject: a link item, a typed value, a field in an imported file.

/** Which end of a setting's range a value went past. */
export type Bound = 'minimum' | 'maximum';

const en = {
  notNumber: 'is not a number',
  notFinite: 'is not finite',
  notWhole: 'is not a whole number',
  notOnOff: 'is not on or off',
  notZeroOne: 'is not 0 or 1',
  notOneOf: (options: readonly string[]) => `is not one of ${options.join(', ')}`,
  notModel: 'is not a model: mlp, mlp-128, mlp-256-128 (up to three widths of 16 to 1024) or cnn',
  notRange: 'is not a range written as min~max',
  outOfRange: (bound: Bound, limit: string) =>
    bound === 'minimum' ? `is below the minimum ${limit}` : `is above the maximum ${limit}`,
  /** `range` is outOfRange's phrase; the value was replaced with the bound `limit`. */
  clamped: (range: string, limit: string) => `${range}; using ${limit}`,
  missing: 'is missing',
  /** A value that passes the checks only after a change (-0 becomes 0), so this page did not store it. */
  notStored: 'is not a stored value',
};

// The option keys (sgd, scale) are what links and files contain, so they stay as they are.
const zh: typeof en = {
  notNumber: '不是数字',
  notFinite: '不是有限数',
  notWhole: '不是整数',
  notOnOff: '不是“开”或“关”',
  notZeroOne: '不是 0 或 1',
  notOneOf: (options: readonly string[]) => `不是 ${options.join('、')} 中的一个`,
  notModel: '不是可用的模型：mlp、mlp-128、mlp-256-128（最多三层，每层 16 到 1024 个单元）或 cnn',
  notRange: '不是写成 最小值~最大值 的范围',
  outOfRange: (bound: Bound, limit: string) =>
    bound === 'minimum' ? `小于最小值 ${limit}` : `大于最大值 ${limit}`,
  clamped: (range: string, limit: string) => `${range}，改用 ${limit}`,
  missing: '缺失',
  notStored: '不是本页面保存的取值',
};

export const validation = { en, zh };

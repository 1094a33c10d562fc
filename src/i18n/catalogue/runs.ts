// The run list: standings, per-run controls and their accessible names.
const en = {
  region: 'Runs',
  heading: 'Runs',
  add: 'Add run',
  addTitle: "Add a run with the selected run's settings",
  compare: 'Compare optimizers',
  compareTitle:
    'SGD, Momentum, RMSProp and Adam from the same start, each with a learning rate that suits it',
  compareConfirm: (count: number) =>
    `Replace ${count === 1 ? 'your run' : `your ${count} runs`} with a race of SGD, Momentum, RMSProp and Adam?`,
  edit: (name: string) => `Edit ${name}`,
  colour: (name: string) => `Colour of ${name}`,
  name: (n: number) => `Name of run ${n}`,
  hide: 'hide',
  hideRun: (name: string) => `Hide ${name}`,
  remove: (name: string) => `Remove ${name}`,
  joinsOnReset: 'joins on Reset',
  diverged: 'diverged',
  test: (acc: string) => `test ${acc}`,
  val: (acc: string) => `val ${acc}`,
  loss: (loss: string) => `loss ${loss}`,
  kept: 'kept',
  imported: 'imported',
  overlayName: (name: string, source: string) => `${name} (${source})`,
  /** An overlay trained by another network than the experiment's: `model` is its link name (cnn). */
  overlayNameModel: (name: string, source: string, model: string) => `${name} (${source}, ${model})`,
};

const zh: typeof en = {
  region: '运行列表',
  heading: '运行',
  add: '添加运行',
  addTitle: '按所选运行的设置添加一个运行',
  compare: '比较优化器',
  compareTitle: 'SGD、动量法、RMSProp 和 Adam 从同一起点出发，各用适合自己的学习率',
  compareConfirm: (count: number) =>
    `要用 SGD、动量法、RMSProp 和 Adam 的比赛替换你现有的 ${count} 个运行吗？`,
  edit: (name: string) => `编辑 ${name}`,
  colour: (name: string) => `${name} 的颜色`,
  name: (n: number) => `运行 ${n} 的名称`,
  hide: '隐藏',
  hideRun: (name: string) => `隐藏 ${name}`,
  remove: (name: string) => `移除 ${name}`,
  joinsOnReset: '重置后加入',
  diverged: '已发散',
  test: (acc: string) => `测试 ${acc}`,
  val: (acc: string) => `验证 ${acc}`,
  loss: (loss: string) => `损失 ${loss}`,
  kept: '已保存',
  imported: '已导入',
  overlayName: (name: string, source: string) => `${name}（${source}）`,
  overlayNameModel: (name: string, source: string, model: string) => `${name}（${source}，${model}）`,
};

export const runs = { en, zh };

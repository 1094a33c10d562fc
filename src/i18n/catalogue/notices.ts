// Notices that follow the worker: backend fallback, downloads, failures and recoveries.
const en = {
  dismiss: (title: string) => `Dismiss: ${title}`,
  retry: 'Retry',
  cpuFallback: (why: string) => `Training on the CPU: ${why}. It works, only slower.`,
  retrying: (file: string, secs: string, attempt: number) =>
    `Download of ${file} failed; trying again in ${secs} s (retry ${attempt}).`,
  downloadFailed: (file: string) => `Could not download ${file}. Check the connection, then retry.`,
  setupFailed: 'The run could not be set up.',
  changeRefused: (why: string) => `Change refused: ${why}`,
  recovered: (text: string) => `${text}. Nothing you made was lost.`,
  gpuLost: (step: string) => `GPU context lost at step ${step}`,
  silent: (step: string) => `The training worker stopped responding at step ${step}`,
  crashed: (step: string, why: string) => `The training worker crashed at step ${step} (${why})`,
  resumedFrom: (what: string, step: string) => `${what}; resumed from step ${step}`,
  linkIgnored: 'Some settings in the link were ignored',
  pageKeyIgnored: (key: string, value: string) => `Ignored "${key}=${value}": not a value this page knows.`,
  runDiverged: (name: string, step: string) =>
    `${name}: the loss exploded at step ${step}, so this run stopped. Lower its learning rate and press Reset.`,
};

const zh: typeof en = {
  dismiss: (title: string) => `关闭：${title}`,
  retry: '重试',
  cpuFallback: (why: string) => `正在用 CPU 训练：${why}。可以使用，只是更慢。`,
  retrying: (file: string, secs: string, attempt: number) =>
    `${file} 下载失败；${secs} 秒后重试（第 ${attempt} 次）。`,
  downloadFailed: (file: string) => `无法下载 ${file}。请检查网络连接后重试。`,
  setupFailed: '无法建立这次运行。',
  changeRefused: (why: string) => `修改被拒绝：${why}`,
  recovered: (text: string) => `${text}。你做的一切都没有丢失。`,
  gpuLost: (step: string) => `第 ${step} 步时 GPU 上下文丢失`,
  silent: (step: string) => `训练线程在第 ${step} 步停止响应`,
  crashed: (step: string, why: string) => `训练线程在第 ${step} 步崩溃（${why}）`,
  resumedFrom: (what: string, step: string) => `${what}；已从第 ${step} 步恢复`,
  linkIgnored: '链接中的部分设置被忽略了',
  pageKeyIgnored: (key: string, value: string) => `已忽略“${key}=${value}”：页面不认识这个值。`,
  runDiverged: (name: string, step: string) =>
    `${name}：损失在第 ${step} 步爆炸，这个运行已停止。请降低它的学习率，然后按“重置”。`,
};

export const notices = { en, zh };

// Why the runs kept for the next visit (IndexedDB) could not be opened, saved, read or cleared.

/** What the page was doing with the kept runs when storage failed. */
export type StorageAction = 'open' | 'save' | 'read' | 'clear';

const en = {
  /** What failed, as `failed` puts it after "Could not". */
  doing: {
    open: 'open the saved runs',
    save: 'save the runs',
    read: 'read the saved runs',
    clear: 'clear the saved runs',
  } satisfies Record<StorageAction, string>,
  unavailable: 'Saved runs are not available in this browser (storage is off, e.g. in private mode).',
  noSpace: 'Not enough storage space to keep the runs.',
  /** `detail` is the browser's own error name or message, shown as it is (or empty). */
  failed: (doing: string, detail: string) => `Could not ${doing}${detail ? ` (${detail})` : ''}.`,
  timedOut: 'Could not open the saved runs (the browser did not answer).',
  blocked: 'Could not open the saved runs: another tab of the playground is using an older version.',
  /** `why` is the import check's sentence: stored runs get the same checks as an imported file. */
  unusable: (why: string) => `The saved runs could not be used: ${why}`,
};

const zh: typeof en = {
  doing: {
    open: '打开已保存的运行',
    save: '保存这些运行',
    read: '读取已保存的运行',
    clear: '清除已保存的运行',
  },
  unavailable: '这个浏览器无法保存运行（存储功能已关闭，例如在隐私浏览模式下）。',
  noSpace: '存储空间不足，无法保存这些运行。',
  failed: (doing: string, detail: string) => `无法${doing}${detail ? `（${detail}）` : ''}。`,
  timedOut: '无法打开已保存的运行（浏览器没有响应）。',
  blocked: '无法打开已保存的运行：另一个标签页正在使用旧版本的实验室。',
  unusable: (why: string) => `已保存的运行无法使用：${why}`,
};

export const storage = { en, zh };

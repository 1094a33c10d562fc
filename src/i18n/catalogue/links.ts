// What a pasted link had wrong, one sentence per problem: ignored items, refused or clamped values,
// and the parts of an experiment's runs that fell back to defaults. Quoted items are the link's own text.
const en = {
  /** A predicate phrase, like validation's: "is not valid percent-encoding". */
  notEncoded: 'is not valid percent-encoding',
  badItem: (item: string) => `Ignored "${item}": it is not valid percent-encoding.`,
  unknownSetting: (key: string) => `Ignored unknown setting "${key}".`,
  setAgain: (urlKey: string, raw: string) => `Ignored "${urlKey}=${raw}": "${urlKey}" is set again later.`,
  /** `reason` is a predicate phrase (validation's, or notEncoded). */
  refused: (item: string, reason: string, fallback: string) =>
    `"${item}" ${reason}; using the default ${fallback}.`,
  clamped: (item: string, note: string) => `"${item}" ${note}.`,
  more: (count: number) => `…and ${count} more problems with the link.`,
  unreadable: 'The link could not be read; using the default settings.',
  liveOutside: (key: string) =>
    `Ignored "${key}" outside the runs: each run sets its own optimizer settings.`,
  extraRuns: (extra: number, max: number) =>
    `Ignored ${extra} ${extra === 1 ? 'run' : 'runs'} beyond the first ${max}.`,
  /** One of the sentences below, about run number `run`. */
  inRun: (run: number, sentence: string) => `Run ${run}: ${sentence}`,
  runMissing: (run: number, keys: readonly string[]) =>
    `Run ${run} does not give ${keys.join(', ')}; using the defaults.`,
  changeShape: (change: string) => `ignored the change "${change}": it is not step.setting.value.`,
  changeStep: (change: string) => `ignored the change "${change}": the step is out of range.`,
  changeKey: (change: string, key: string) =>
    `ignored the change "${change}": "${key}" is not a live setting.`,
  changeValue: (change: string, reason: string) => `ignored the change "${change}": the value ${reason}.`,
  changeClamped: (change: string, note: string) => `the change "${change}" ${note}.`,
  nameNotEncoded: (fallback: string) => `the name is not valid percent-encoding; using "${fallback}".`,
  nameCleaned: 'the name was too long or had unusable characters; it was shortened or cleaned.',
  badColour: (colour: string, fallback: string) =>
    `the colour "${colour}" is not 6 hex digits; using ${fallback}.`,
  tooManyChanges: (kept: number, total: number) => `kept the first ${kept} of ${total} changes.`,
  changesSorted: 'the changes were not in step order; sorted them.',
  unknownFlag: (flag: string) => `ignored the unknown flag "${flag}".`,
  extraFields: (count: number) => `ignored ${count} extra fields.`,
};

// Link keys (lr, b1), values and the step.setting.value shape are what the link contains, so they
// stay in Latin letters inside Chinese quotation marks.
const zh: typeof en = {
  notEncoded: '不是有效的 URL 编码',
  badItem: (item: string) => `已忽略“${item}”：它不是有效的 URL 编码。`,
  unknownSetting: (key: string) => `已忽略未知的设置“${key}”。`,
  setAgain: (urlKey: string, raw: string) => `已忽略“${urlKey}=${raw}”：后面又设置了一次“${urlKey}”。`,
  refused: (item: string, reason: string, fallback: string) => `“${item}”${reason}；改用默认值 ${fallback}。`,
  clamped: (item: string, note: string) => `“${item}”${note}。`,
  more: (count: number) => `……链接中还有 ${count} 处其他问题。`,
  unreadable: '无法读取这个链接；改用默认设置。',
  liveOutside: (key: string) => `已忽略运行之外的“${key}”：优化器参数由每个运行各自设置。`,
  extraRuns: (extra: number, max: number) => `只保留前 ${max} 个运行，忽略了其余 ${extra} 个。`,
  inRun: (run: number, sentence: string) => `运行 ${run}：${sentence}`,
  runMissing: (run: number, keys: readonly string[]) =>
    `运行 ${run} 没有给出 ${keys.join('、')} 的值；改用默认值。`,
  changeShape: (change: string) => `已忽略修改“${change}”：它不符合“步数.设置.值”的格式。`,
  changeStep: (change: string) => `已忽略修改“${change}”：步数超出范围。`,
  changeKey: (change: string, key: string) => `已忽略修改“${change}”：“${key}”不是可以实时修改的设置。`,
  changeValue: (change: string, reason: string) => `已忽略修改“${change}”：其中的值${reason}。`,
  changeClamped: (change: string, note: string) => `修改“${change}”中的值${note}。`,
  nameNotEncoded: (fallback: string) => `名称不是有效的 URL 编码；改用“${fallback}”。`,
  nameCleaned: '名称过长或含有无法使用的字符，已截短或清理。',
  badColour: (colour: string, fallback: string) => `颜色“${colour}”不是 6 位十六进制数；改用 ${fallback}。`,
  tooManyChanges: (kept: number, total: number) => `共有 ${total} 项修改，只保留了前 ${kept} 项。`,
  changesSorted: '修改没有按步数排序，已重新排序。',
  unknownFlag: (flag: string) => `已忽略未知的标记“${flag}”。`,
  extraFields: (count: number) => `已忽略 ${count} 个多余的字段。`,
};

export const links = { en, zh };

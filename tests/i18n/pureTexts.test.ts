// The sentences pure modules return (import refusals, link notices, validation reasons, storage
// errors) are Texts: rendered in Chinese they read as Chinese and keep the value they name, and one
// Text renders in whichever language the page has switched to.
import { describe, expect, it } from 'vitest';
import { FIELD_LIST } from '../../src/config/schema';
import { parseText } from '../../src/config/validate';
import { parseHash } from '../../src/config/url';
import { parseExperimentHash } from '../../src/experiment/link';
import { parseImport, toCsv } from '../../src/experiment/exportData';
import { loadRecords, saveRecords } from '../../src/experiment/storage';
import { MESSAGES } from '../../src/i18n/messages';
import type { Text } from '../../src/i18n/text';
import { CASES, edited, run0 } from '../experiment/importCases';
import { FakeIndexedDb } from '../experiment/fakeIndexedDb';
import { SHARED, sampleRecords } from '../experiment/records';
import { foreignWords } from './allowed';

const zh = (t: Text) => t(MESSAGES.zh);
const en = (t: Text) => t(MESSAGES.en);
const CHINESE = /[\u4e00-\u9fff]/;
/** What links and files spell in code, shown as it is: link keys (lr, b1), option keys (sgd), JSON literals. */
const CODE = new Set([
  ...FIELD_LIST.flatMap((f) => [f.urlKey, ...(f.kind === 'enum' ? f.options : [])]),
  'null',
  'true',
  'false',
]);
/** Latin prose words: quoted text (“lr=abc”, "red") and link or file vocabulary stay as they are. */
const untranslated = (s: string) => foreignWords(s.replace(/“[^”]*”/g, ' ')).filter((w) => !CODE.has(w));

function refusal(text: string): Text {
  const r = parseImport(text);
  if (r.ok) throw new Error('expected the import to fail');
  return r.error;
}

describe('import refusals in Chinese', () => {
  it('name the run and quote the value from the file', () => {
    const error = refusal(edited((f) => (run0(f).spec.color = 'red')));
    expect(zh(error)).toBe('运行 1 的颜色 "red" 不是“#0072B2”这样的十六进制颜色。');
    expect(en(error)).toBe('Run 1\'s colour "red" is not a hex colour like "#0072B2".');
  });

  it('use the settings panel’s Chinese label and the validation reason', () => {
    const error = refusal(edited((f) => ((f.shared as Record<string, unknown>).batchSize = 5000)));
    expect(zh(error)).toBe('共享设置“批大小”大于最大值 1024。');
  });

  it('nest the place names: a run’s change, a point, the test result', () => {
    const change = refusal(
      edited((f) => (run0(f).spec.timeline = [{ step: 0.5, key: 'beta2', value: 0.9 }])),
    );
    expect(zh(change)).toBe('运行 1 的第 1 项修改的步数无效（0.5）。');
    const test = refusal(edited((f) => (run0(f).test = { step: 1, loss: 1 })));
    expect(zh(test)).toBe('运行 1 的测试结果的准确率不是数字（缺失）。');
  });

  it.each(CASES)('read as Chinese for %s, with no untranslated word', (_what, text) => {
    const sentence = zh(refusal(text));
    expect(sentence).toMatch(CHINESE);
    expect(sentence).toMatch(/。$/);
    expect(untranslated(sentence)).toEqual([]);
  });
});

describe('link notices in Chinese', () => {
  it('quote the link item and the default used instead', () => {
    const [notice] = parseHash('#lr=abc').notices;
    expect(zh(notice!)).toBe('“lr=abc”不是数字；改用默认值 0.001。');
  });

  it('name the run and keep the clamp', () => {
    const { notices } = parseExperimentHash('#run=A~zz~adam~99~0.9~0.999~1e-7~0.9~0~');
    expect(notices.map(zh)).toEqual([
      '运行 1：“lr=99”大于最大值 10，改用 10。',
      '运行 1：颜色“zz”不是 6 位十六进制数；改用 #0072B2。',
    ]);
  });

  it('read as Chinese for every kind of problem a damaged link has', () => {
    const tl = ['0.lr.0.1', '5.bs.64', '7.b2.x', 'junk', '200.mom.5', '100.lr.0.1'].join('_');
    const { notices } = parseExperimentHash(`#lr=0.5&foo=1&run=%E0~zz~adam~99~~~~~~${tl}~q~extra&run=B`);
    expect(notices.length).toBeGreaterThan(8);
    for (const n of notices.map(zh)) {
      expect(n).toMatch(CHINESE);
      expect(untranslated(n)).toEqual([]);
    }
  });
});

describe('validation reasons in Chinese', () => {
  it('are predicate phrases that follow the typed value', () => {
    const r = parseText('epochs', '2.5');
    expect(!r.ok && zh(r.reason)).toBe('不是整数');
    const clamped = parseText('batchSize', '5000');
    expect(clamped.ok && clamped.note && zh(clamped.note)).toBe('大于最大值 1024，改用 1024');
    const option = parseText('optimizer', 'lion');
    expect(!option.ok && zh(option.reason)).toBe(
      '不是 sgd、momentum、adagrad、rmsprop、adam、adamw 中的一个',
    );
  });
});

describe('storage errors in Chinese', () => {
  it('carry the import check’s sentence in the same language', async () => {
    const fake = new FakeIndexedDb();
    await saveRecords(SHARED, sampleRecords(), fake.asFactory());
    fake.record()?.set('current', { format: 'mnist-optimizer-playground', version: 1, exportedAt: 'x' });
    const r = await loadRecords(fake.asFactory());
    expect(!r.ok && zh(r.error)).toBe('已保存的运行无法使用：文件没有共享设置（"shared"）。');
  });

  it('keep the browser’s own error name', async () => {
    const fake = new FakeIndexedDb();
    fake.failures.openError = 'UnknownError';
    const r = await loadRecords(fake.asFactory());
    expect(!r.ok && zh(r.error)).toBe('无法打开已保存的运行（UnknownError）。');
  });
});

describe('a Text', () => {
  it('renders again in the language switched to, after it was raised', () => {
    const [notice] = parseHash('#bs=5000').notices;
    expect(en(notice!)).toBe('"bs=5000" is above the maximum 1024; using 1024.');
    expect(zh(notice!)).toBe('“bs=5000”大于最大值 1024，改用 1024。');
  });
});

describe('CSV export', () => {
  it('names its columns in the reader’s language', () => {
    expect(toCsv(sampleRecords(), MESSAGES.zh).split('\r\n')[0]).toBe(MESSAGES.zh.data.csvHeader.join(','));
    expect(toCsv([], MESSAGES.en)).toBe(`${MESSAGES.en.data.csvHeader.join(',')}\r\n`);
  });
});

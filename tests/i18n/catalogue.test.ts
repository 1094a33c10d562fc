// The catalogues are complete in both languages: the same keys, no empty text, Chinese free of
// untranslated English, English free of Chinese. Functions are called with sample arguments.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages';
import { foreignWords } from './allowed';

type Leaf = { path: string; text: string };

/**
 * One argument that serves every parameter shape the catalogues use: as text it reads "7", as a list
 * it has two items, compared with a literal it matches none (so the general branch is rendered).
 */
const SAMPLE = Object.assign(['7', '12'], { toString: () => '7' });

/** Every text of a catalogue, functions rendered with sample arguments, keyed by path. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string') return [{ path, text: node }];
  if (typeof node === 'function') {
    const args = Array.from({ length: node.length }, () => SAMPLE);
    return [{ path, text: String((node as (...a: unknown[]) => unknown)(...args)) }];
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (typeof node === 'object' && node !== null)
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

// `format` holds formatters, not texts.
const texts = (lang: 'en' | 'zh') => {
  return leaves(Object.fromEntries(Object.entries(MESSAGES[lang]).filter(([k]) => k !== 'format')));
};

describe('message catalogues', () => {
  it('have the same keys in English and Chinese', () => {
    expect(texts('zh').map((l) => l.path)).toEqual(texts('en').map((l) => l.path));
    expect(texts('en').length).toBeGreaterThan(150);
  });

  it('have no empty text', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const { path, text } of texts(lang)) expect(text.trim(), `${lang} ${path}`).not.toBe('');
  });

  it('have Chinese texts without untranslated English', () => {
    const leaks = texts('zh').flatMap(({ path, text }) => foreignWords(text).map((w) => `${path}: ${w}`));
    expect(leaks).toEqual([]);
  });

  it('have English texts without Chinese, except where a switch names the language in itself', () => {
    const chinese = texts('en').filter(
      ({ path, text }) => path !== 'page.languageBoth' && /[\u4e00-\u9fff]/.test(text),
    );
    expect(chinese.map((l) => l.path)).toEqual([]);
  });

  it('differ between the languages for every text that has words', () => {
    const en = texts('en');
    const same = texts('zh').filter((l, i) => l.text === en[i]!.text && foreignWords(l.text).length > 0);
    expect(same.map((l) => l.path)).toEqual([]);
  });
});

// Choosing the language (a link's, the browser's) and the page keys a link carries beside the experiment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPageKeys, withPageKeys } from '../../src/config/pageKeys';
import { formattersFor } from '../../src/i18n/format';
import { detectLang, parseLang } from '../../src/i18n/lang';

describe('language choice', () => {
  it('follows the first browser language we have, any Chinese variant reading Simplified', () => {
    expect(detectLang(['zh-TW', 'en'])).toBe('zh');
    expect(detectLang(['fr-FR', 'zh-CN'])).toBe('zh');
    expect(detectLang(['en-GB', 'zh'])).toBe('en');
    expect(detectLang(['de'])).toBe('en');
    expect(detectLang([])).toBe('en');
  });

  it('reads only the languages it has', () => {
    expect(parseLang('zh')).toBe('zh');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('fr')).toBeNull();
    expect(parseLang(null)).toBeNull();
  });

  it('formats numbers with the locale', () => {
    expect(formattersFor('en').int(1234567)).toBe('1,234,567');
    expect(formattersFor('zh').pct(0.9533)).toBe('95.3%');
    expect(formattersFor('en').compact(15000)).toBe('15K');
    expect(formattersFor('zh').compact(15000)).toBe('1.5万');
  });
});

describe('page keys in a link', () => {
  it('are split off before the experiment is parsed, the rest left as it was', () => {
    const { rest, page, problems } = splitPageKeys('#opt=sgd&lang=zh&lr=0.1&view=projector');
    expect(rest).toBe('#opt=sgd&lr=0.1');
    expect(page).toEqual({ lang: 'zh', view: 'projector', lesson: null });
    expect(problems).toEqual([]);
  });

  it('report values they do not know and keep the defaults', () => {
    const { page, problems } = splitPageKeys('#lang=fr&view=%3Cscript%3E&lesson=..%2Fx');
    expect(page).toEqual({ lang: null, view: 'default', lesson: null });
    expect(problems).toEqual([
      { key: 'lang', value: 'fr' },
      { key: 'view', value: '<script>' },
      { key: 'lesson', value: '../x' },
    ]);
  });

  it('are appended only when not the default, and read back the same', () => {
    expect(withPageKeys('#opt=sgd', { lang: null, view: 'default', lesson: null })).toBe('#opt=sgd');
    expect(withPageKeys('#opt=sgd', { lang: 'zh', view: 'projector', lesson: 'momentum' })).toBe(
      '#opt=sgd&lang=zh&view=projector&lesson=momentum',
    );
    expect(withPageKeys('', { lang: 'en', view: 'default', lesson: null })).toBe('#lang=en');
    fc.assert(
      fc.property(
        fc.constantFrom(null, 'en' as const, 'zh' as const),
        fc.constantFrom('default' as const, 'projector' as const, 'lab' as const),
        fc.option(fc.stringMatching(/^[a-z0-9-]{1,40}$/)),
        fc.string(),
        (lang, view, lesson, junk) => {
          const body = `#opt=adam&x=${encodeURIComponent(junk)}`;
          const back = splitPageKeys(withPageKeys(body, { lang, view, lesson }));
          expect(back.page).toEqual({ lang, view, lesson });
          expect(back.rest).toBe(body);
        },
      ),
    );
  });
});

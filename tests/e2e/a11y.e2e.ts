// axe-core on the built page, in English and Chinese, light and dark: idle, while training and paused.
// In Chinese the page must also show no English beyond the names and symbols kept as they are.
// Fails on any WCAG 2.0/2.1 A or AA violation and prints each rule, its impact and the elements it hit.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignWords } from '../i18n/allowed';
import { startHarness, status, stepOf, type Harness } from './harness';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/** One line per violation: rule, impact and the selectors of the elements it hit. */
async function violations(page: Page): Promise<string[]> {
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe;
    // region (every part of the page inside a landmark) is best practice, not WCAG, but a classroom's
    // screen reader user navigates by landmarks.
    const options = { runOnly: { type: 'tag', values: tags }, rules: { region: { enabled: true } } };
    const result = (await axe.run(document, options)) as {
      violations: Violation[];
    };
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes }));
  }, TAGS);
  return found.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

async function check(page: Page, when: string): Promise<void> {
  // The page's CSP allows no inline script, so the context bypasses it to inject axe.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  expect(await violations(page), `axe violations ${when}`).toEqual([]);
}

/**
 * What a reader of the page meets: visible text and the accessible names and tooltips of elements,
 * leaving out what is not ours to translate (translate="no": run names, the GPU's name).
 */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const mine = (el: Element) => !el.closest('[translate="no"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && mine(el) && el.closest('script, style') === null && n.textContent!.trim() !== '')
        out.push(n.textContent!.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
      if (mine(el))
        for (const a of ['aria-label', 'title', 'placeholder'])
          if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    out.push(document.title);
    return out;
  });
}

const NAMES = {
  en: { start: 'Start', pause: 'Pause', theme: 'Theme', lab: '2-D lab' },
  zh: { start: '开始', pause: '暂停', theme: '主题', lab: '二维实验室' },
} as const;

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['zh', 'light'],
  ['zh', 'dark'],
] as const)('accessibility, %s, %s theme', (lang, colorScheme) => {
  it('has no axe violations idle, while training and paused (a lesson open), and in the 2-D lab', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    // A lesson link: its card, and once trained, the update equations are on the page too.
    await page.goto(`${h.baseUrl}#lesson=bias-correction&webgl=software&lang=${lang}`);
    const name = NAMES[lang];
    const start = page.getByRole('button', { name: name.start, exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    await check(page, 'idle');

    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(3);
    await check(page, 'while training');

    await page.getByRole('button', { name: name.pause, exact: true }).click();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
    await expect
      .poll(() => page.locator('.equations .katex').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await check(page, 'paused');
    if (lang === 'zh') expect((await pageTexts(page)).flatMap(foreignWords)).toEqual([]);
    await page.getByRole('tab', { name: name.lab }).click();
    await expect.poll(() => page.locator('svg.lab-plot .lab-line').count()).toBe(2);
    await check(page, 'in the 2-D lab');
    if (lang === 'zh') expect((await pageTexts(page)).flatMap(foreignWords)).toEqual([]);
    // The theme follows the system until the switch picks one.
    const bg = () => page.evaluate(() => getComputedStyle(document.body.parentElement!).backgroundColor);
    expect(await bg()).toBe(colorScheme === 'dark' ? 'rgb(18, 19, 23)' : 'rgb(247, 247, 245)');
    await page.getByLabel(name.theme).selectOption(colorScheme === 'dark' ? 'light' : 'dark');
    expect(await bg()).toBe(colorScheme === 'dark' ? 'rgb(247, 247, 245)' : 'rgb(18, 19, 23)');
    await check(page, `switched from ${colorScheme}`);
    await context.close();
  });
});

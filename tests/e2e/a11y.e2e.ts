// axe-core on the built page, in the light and the dark theme: idle, while training and paused.
// Fails on any WCAG 2.0/2.1 A or AA violation and prints each rule, its impact and the elements it hit.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (colorScheme) => {
  it('has no axe violations idle, while training and paused', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`${h.baseUrl}#webgl=software`);
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    await check(page, 'idle');

    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(3);
    await check(page, 'while training');

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
    await check(page, 'paused');
    // The theme follows the system until the switch picks one.
    const bg = () => page.evaluate(() => getComputedStyle(document.body.parentElement!).backgroundColor);
    expect(await bg()).toBe(colorScheme === 'dark' ? 'rgb(18, 19, 23)' : 'rgb(247, 247, 245)');
    await page.getByLabel('Theme').selectOption(colorScheme === 'dark' ? 'light' : 'dark');
    expect(await bg()).toBe(colorScheme === 'dark' ? 'rgb(247, 247, 245)' : 'rgb(18, 19, 23)');
    await check(page, `switched from ${colorScheme}`);
    await context.close();
  });
});

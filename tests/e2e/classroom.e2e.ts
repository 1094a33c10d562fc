// A class's page: the language switch changes every text at once and loses nothing, the link carries
// the language, and the projector view shows both charts and the live controls at 1280×720 with text
// and lines large enough for the back of the room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const LINK =
  '#bs=32&epochs=1&prep=scale&seed=1&webgl=software&run=SGD~0072B2~sgd~0.1~0.9~0.999~1e-7~0.9~0~&run=Adam~009E73~adam~0.001~0.9~0.999~1e-7~0.9~0~';

const MOMENTUM = '&run=Momentum~D55E00~momentum~0.01~0.9~0.999~1e-7~0.9~0~';

/** Texts of the projector's run table that do not fit their box, or stick out of the table's column. */
function tableOverflows(page: Page): Promise<string[]> {
  return page.locator('.projector-status').evaluate((section) => {
    const column = section.getBoundingClientRect();
    return [...section.querySelectorAll('caption, th, td, button')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      const cut = el.scrollWidth > el.clientWidth + 1 || r.right > column.right + 1;
      return cut ? [`${el.tagName} "${el.textContent}"`] : [];
    });
  });
}

describe('in class', () => {
  it('switches language at once, keeping the runs, their curves and the step', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(h.baseUrl + LINK);
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
    const step = await stepOf(page);
    // The loss chart's lines (in view: a chart out of view may catch up on new points when it redraws).
    const curves = () => page.locator('.chart-plot').first().locator('.plot-curve').count();
    const drawn = await curves();
    expect(new URL(page.url()).hash).not.toContain('lang=');

    await page.getByLabel('Language / 语言').selectOption('zh');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByRole('button', { name: '继续', exact: true }).isEnabled()).toBe(true);
    expect(await page.getByRole('heading', { name: '损失（交叉熵）' }).count()).toBe(1);
    expect(await stepOf(page)).toBe(step);
    expect(await curves()).toBe(drawn);
    expect(await page.locator('.run').count()).toBe(2);
    expect(new URL(page.url()).hash).toContain('lang=zh');
    expect(await page.title()).toBe('MNIST 优化器实验室');

    // The link opens in Chinese for a student whose browser is English.
    const student = await h.browser.newContext({ locale: 'en-US' });
    const theirs = await student.newPage();
    await theirs.goto(page.url());
    await expect
      .poll(() => theirs.getByRole('button', { name: '开始', exact: true }).count(), { timeout: 30_000 })
      .toBe(1);
    await student.close();
    await context.close();
  });

  it('follows a Chinese browser when the link names no language', async () => {
    const context = await h.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}#webgl=software`);
    await expect
      .poll(() => page.getByRole('button', { name: '开始', exact: true }).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await context.close();
  });

  it('paints a chosen dark theme from the first frame, not light then dark', async () => {
    const context = await h.browser.newContext();
    await context.addInitScript(() => {
      localStorage.setItem('mnist-playground.theme', 'dark');
      // The theme in force when React first puts anything on the page.
      const seen = new MutationObserver(() => {
        if ((document.getElementById('root')?.childElementCount ?? 0) === 0) return;
        (window as unknown as { firstTheme: string }).firstTheme =
          document.documentElement.dataset.theme ?? 'none';
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}#webgl=software`);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme))
      .toBe('dark');
    await context.close();
  });

  it('projects both charts and the live controls at 1280×720, large enough to read', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}${LINK}${MOMENTUM}&view=projector`);
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(3);

    const inView = (selector: string) =>
      page.locator(selector).evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        }),
      );
    expect(await inView('[aria-label="Loss chart"]')).toEqual([true]);
    expect(await inView('[aria-label="Accuracy chart"]')).toEqual([true]);
    // The live controls: the optimizer and the settings it uses, nothing that applies on Reset.
    expect(await inView('.settings .control')).not.toContain(false);
    expect(await page.getByLabel('Batch size', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('slider', { name: 'Learning rate η', exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);

    const sizes = await page.evaluate(() => ({
      ticks: [...document.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((t) =>
        parseFloat(getComputedStyle(t).fontSize),
      ),
      lines: [...document.querySelectorAll('.plot-curve')].map((l) =>
        parseFloat(l.getAttribute('stroke-width') ?? '0'),
      ),
    }));
    expect(sizes.ticks.length).toBeGreaterThan(4);
    expect(Math.min(...sizes.ticks)).toBeGreaterThanOrEqual(20);
    expect(Math.min(...sizes.lines)).toBeGreaterThanOrEqual(3);
    // The status is step, loss and accuracy per run; a run's name selects it.
    const rows = page.locator('.projector-status tbody tr');
    expect(await rows.count()).toBe(3);
    // Every figure of the table is readable, in both languages (Chinese changes the headers).
    expect(await tableOverflows(page)).toEqual([]);
    // Above it, the network the runs train and its size.
    expect(await page.locator('.projector-status caption').innerText()).toBe(
      'mlp-128: 101,770 trainable parameters',
    );
    await page.getByRole('button', { name: 'SGD', exact: true }).click();
    expect(await page.getByRole('button', { name: 'SGD', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(new URL(page.url()).hash).toContain('view=projector');
    await page.getByRole('combobox', { name: 'Language / 语言' }).selectOption('zh');
    await expect.poll(() => page.locator('.projector-status thead th').first().innerText()).toBe('运行');
    expect(await tableOverflows(page)).toEqual([]);
    await context.close();
  });
});

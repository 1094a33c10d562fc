// The Tune panel in the browser on software WebGL: a short range test draws its curve and suggests an η
// that "Use this learning rate" gives the selected run; a tiny random search fills four rows that sort,
// and "Load as run" adds one of them to the experiment. Both jobs leave the worker's tensors as they were.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { foreignWords } from '../i18n/allowed';
import { startHarness, type Harness } from './harness';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

async function typeInto(field: Locator, value: string) {
  await field.fill(value);
  await field.press('Enter');
}

/** A page that records errors, with the CSP bypassed so that axe can be injected. */
async function open(hash: string, width = 1366, height = 900): Promise<{ page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.baseUrl + hash);
  return { page, errors };
}

/** WCAG A and AA violations inside the Tune panel, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<unknown> } }).axe;
    const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } };
    const r = (await axe.run(document.querySelector('.tune')!, options)) as {
      violations: { id: string; nodes: { target: unknown[] }[] }[];
    };
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/** The tensors the worker held before and after the job a status line reports. */
async function tensors(line: Locator): Promise<[number, number]> {
  return [
    Number(await line.getAttribute('data-tensors-before')),
    Number(await line.getAttribute('data-tensors-after')),
  ];
}

describe('tune', () => {
  it('runs a range test, applies its suggestion, runs a search, sorts it and loads a trial as a run', async () => {
    const { page, errors } = await open('#webgl=software&bs=64&epochs=1');
    const panel = page.getByRole('region', { name: 'Tune', exact: true });
    await panel.getByText('Tune: find a learning rate, search hyperparameters').click();
    const runRange = button(panel, 'Run range test');
    await expect.poll(() => runRange.isEnabled(), { timeout: 120_000 }).toBe(true);

    // Range test: 120 steps of η from 1e-6 to 10, from the selected run (Adam).
    await typeInto(panel.getByLabel('Steps', { exact: true }), '120');
    const started = Date.now();
    await runRange.click();
    const steepest = panel.getByRole('radio', { name: /^Where the loss falls fastest: η / });
    await expect.poll(() => steepest.count(), { timeout: 240_000 }).toBe(1);
    const rangeMs = Date.now() - started;
    const rangeLine = panel.locator('.tune-line').first();
    expect(await rangeLine.innerText()).toMatch(/^(Stopped at step \d+ \(η [\d.e-]+\)|Swept all 120 steps)/);
    const chart = panel.locator('[aria-label="Range test: smoothed loss against the learning rate"]');
    expect(await chart.locator('path.recharts-curve').count()).toBe(2);
    expect(await chart.locator('.recharts-reference-line').count()).toBe(2);
    const [before, after] = await tensors(rangeLine);
    expect(after).toBe(before);

    // The suggestion becomes the selected run's learning rate, through the sliders' own path.
    const label = panel.locator('.tune-suggestion label').filter({ hasText: 'Where the loss falls fastest' });
    const suggested = /η ([\d.e-]+)$/.exec((await label.innerText()).trim())![1]!;
    const eta = page.getByLabel('Learning rate η value', { exact: true });
    await button(panel, 'Use this learning rate').click();
    await expect.poll(() => eta.inputValue()).toBe(suggested);
    await expect.poll(() => new URL(page.url()).hash).toContain(`lr=${suggested}&`);

    // Random search: four trials of twenty steps, four at a time.
    await typeInto(panel.getByLabel('Trials', { exact: true }), '4');
    await typeInto(panel.getByLabel('Steps per trial', { exact: true }), '20');
    // The form joins the link, so a shared link draws the same trials.
    await expect.poll(() => new URL(page.url()).hash).toContain('trials=4&tsteps=20');
    const searchStarted = Date.now();
    await button(panel, 'Run search').click();
    const rows = panel.locator('.tune-table tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => panel.getByText('4 of 4 trials done.').count(), { timeout: 240_000 }).toBe(1);
    const searchMs = Date.now() - searchStarted;
    const [sBefore, sAfter] = await tensors(panel.locator('.tune-line').nth(1));
    expect(sAfter).toBe(sBefore);

    // Sorted by validation loss: lowest first; a second click turns it round.
    const lossHeader = panel.getByRole('columnheader', { name: 'Validation loss' });
    await button(lossHeader, 'Validation loss').click();
    expect(await lossHeader.getAttribute('aria-sort')).toBe('ascending');
    const losses = async () =>
      (await rows.locator('td:nth-child(7)').allInnerTexts()).map(Number).filter((n) => Number.isFinite(n));
    const ascending = await losses();
    expect(ascending.length).toBeGreaterThan(0);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await button(lossHeader, 'Validation loss').click();
    expect(await lossHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await losses()).toEqual([...ascending].reverse());

    // "Load as run" adds the trial to the runs, named after it.
    const runs = page.getByRole('region', { name: 'Runs' }).locator('li.run');
    expect(await runs.count()).toBe(1);
    const load = rows.first().getByRole('button', { name: /^Load trial \d+ as a run$/ });
    const trial = /trial (\d+)/.exec((await load.getAttribute('aria-label')) ?? '')![1];
    await load.click();
    await expect.poll(() => runs.count()).toBe(2);
    expect(
      await page
        .getByRole('region', { name: 'Runs' })
        .getByLabel(/^Edit Trial \d+/)
        .count(),
    ).toBe(1);
    expect(await page.getByRole('region', { name: 'Runs' }).innerHTML()).toContain(`Trial ${trial} (`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    console.log(`range test (120 steps): ${rangeMs} ms; search (4 × 20 steps): ${searchMs} ms`);
    await page.close();
  }, 600_000);

  it('reads in Chinese without English words, and passes axe, before any job', async () => {
    // A link that sets up a search opens the panel with its form filled in.
    const { page, errors } = await open(
      '#webgl=software&lang=zh&trials=6&topt=adam&tlr=0.0005~0.05',
      390,
      844,
    );
    const panel = page.getByRole('region', { name: '调参', exact: true });
    await expect.poll(() => button(panel, '运行范围测试').isVisible()).toBe(true);
    expect(await panel.getByLabel('试验次数', { exact: true }).inputValue()).toBe('6');
    expect(await panel.getByRole('checkbox', { name: 'SGD' }).isChecked()).toBe(false);
    expect(foreignWords(await panel.innerText())).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The page does not scroll sideways: the panel fits a phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops a job with Cancel, and with the toolbar’s Reset, leaving the tensors as they were', async () => {
    const { page, errors } = await open('#webgl=software&bs=64&epochs=1');
    const panel = page.getByRole('region', { name: 'Tune', exact: true });
    await panel.locator('summary').click();
    const runRange = button(panel, 'Run range test');
    await expect.poll(() => runRange.isEnabled(), { timeout: 120_000 }).toBe(true);
    const line = panel.locator('.tune-line').first();
    for (const stop of [() => button(panel, 'Cancel').click(), () => button(page, 'Reset').click()]) {
      await runRange.click();
      await expect.poll(() => line.innerText(), { timeout: 60_000 }).toMatch(/^Step \d+ of 500/);
      await stop();
      await expect.poll(() => line.innerText()).toBe('Cancelled.');
      await expect.poll(() => line.getAttribute('data-tensors-after'), { timeout: 30_000 }).not.toBeNull();
      const [before, after] = await tensors(line);
      expect(after).toBe(before);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

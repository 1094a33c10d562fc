// The data lever in the browser: an overfitting link (a small training set with wrong labels and
// dropout) trains and draws the whole training set beside validation at the same steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const OVERFIT =
  '#opt=adam&lr=0.003&bs=25&epochs=4&prep=scale&seed=1&train=500&labelnoise=0.2&drop=0.2&webgl=software';

/**
 * The loss chart's lines drawn with `dash` (validation '6 4', the whole training set '2 3'), and the
 * points on them: validation's dots are filled, the whole set's rings are filled with the panel colour.
 */
async function linesAndPoints(page: Page): Promise<{ dashes: string[]; dots: number; rings: number }> {
  const chart = page.locator('[aria-label="Loss chart"]');
  const dashes = await chart
    .locator('path.plot-curve')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray') ?? 'solid'));
  const fills = await chart
    .locator('circle.plot-dot')
    .evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')));
  const rings = fills.filter((f) => f === 'var(--panel)').length;
  return { dashes, dots: fills.length - rings, rings };
}

describe('small data, dirty labels', () => {
  it('an overfitting link trains and shows the whole training set beside validation', async () => {
    const { page, errors } = await openPage(h, OVERFIT);
    await expect.poll(() => button(page, 'Start').isEnabled(), { timeout: 60_000 }).toBe(true);
    const training = page.locator('.status-data dd');
    await expect.poll(() => training.innerText()).toBe('500 images · 100 wrong labels');
    await button(page, 'Start').click();
    // 20 steps an epoch: validation and the whole set after each of the four.
    await expect.poll(() => page.getByRole('status').innerText(), { timeout: 120_000 }).toMatch(/finished/i);
    expect(await stepOf(page)).toBe(80);
    await expect
      .poll(() => linesAndPoints(page))
      .toEqual({ dashes: ['solid', 'solid', '6 4', '2 3'], dots: 4, rings: 4 });
    const legend = await page.locator('[aria-label="Loss chart"] .chart-legend').innerText();
    expect(legend).toContain('training (whole set)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

// "Inside the optimizer" in the browser: after a few steps of Adam the chart draws one line per layer
// tensor from the worker's instruments, the Quantity select switches to the two bias-correction
// factors, and turning bias correction off is a live change the link records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('inside the optimizer', () => {
  it('draws a line per layer, switches quantity, and records bias correction off', async () => {
    const { page, errors } = await openPage(
      h,
      '#opt=adam&lr=0.001&bs=32&epochs=1&prep=scale&seed=1&webgl=software',
    );
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(6);
    const chart = page.getByRole('figure', { name: 'Inside the optimizer chart' });
    const lines = () => chart.locator('.plot-curve').count();
    // Below the fold the chart waits; scrolled into view it draws what the worker has sent.
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(lines, { timeout: 30_000 }).toBe(4);
    const legend = await chart.locator('.chart-legend-text').allTextContents();
    expect(legend).toEqual(['dense1.kernel', 'dense1.bias', 'dense2.kernel', 'dense2.bias']);

    await chart.getByLabel('Quantity').selectOption('biasCorrection');
    await expect.poll(lines).toBe(2);

    await page.getByLabel('Bias correction', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/\d+\.bc\.0/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

// Offline after one visit: the service worker precaches the app and MNIST, so with the network cut a
// reload still loads the page and the data, and training runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('offline', () => {
  it('loads, gets MNIST and trains from the cache with the network off', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}#webgl=software`);
    // Installed means every precached file (the ~11 MB of MNIST included) is in the cache.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);
    expect(await status(page).getAttribute('data-backend')).toBeTruthy();
    await context.close();
  });
});

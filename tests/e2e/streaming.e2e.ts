// Training starts before MNIST has finished downloading: on a link throttled through the DevTools
// protocol, the first step happens while the later training parts and the test set are still on the
// way, and training carries on as the rest arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** 2 Mbit/s: the first training part arrives in seconds, all of MNIST would take about 50 s. */
const SLOW = { offline: false, latency: 20, downloadThroughput: 250_000, uploadThroughput: 250_000 };
const FAST = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

describe('streaming MNIST', () => {
  it('takes the first step before all data has arrived, and trains on as the rest comes', async () => {
    // No service worker: its precache would download MNIST a second time, outside the throttle.
    const context = await h.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // The training worker's downloads show here too; they are throttled with the page.
    const finished: string[] = [];
    page.on('requestfinished', (r) => finished.push(r.url().split('/').pop()!));
    // Served names carry a content hash: train-images-idx3-ubyte.0-5000.<hash>.gz.bin.
    const done = (file: string) => finished.some((f) => f.startsWith(`${file}.`) && f.endsWith('.gz.bin'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);

    await page.goto(`${h.baseUrl}#webgl=software`);
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 90_000 }).toBe(true);
    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 90_000, interval: 100 }).toBeGreaterThanOrEqual(1);

    // Trained on the first part while the rest is still downloading.
    expect(done('train-images-idx3-ubyte.0-5000')).toBe(true);
    expect(done('t10k-images-idx3-ubyte')).toBe(false);
    expect(done('train-images-idx3-ubyte.45000-55000')).toBe(false);
    const progress = page.locator('#mnist-progress');
    const [value, max] = await progress.evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(value).toBeLessThan(max / 2);

    // Full speed: the rest arrives, the download bar goes, and the run never stopped.
    await cdp.send('Network.emulateNetworkConditions', FAST);
    await expect.poll(() => progress.count(), { timeout: 90_000 }).toBe(0);
    expect(done('t10k-images-idx3-ubyte')).toBe(true);
    const step = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(step + 20);
    expect(await page.getByRole('status').getAttribute('data-state')).toBe('running');
    expect(errors).toEqual([]);
    await context.close();
  });
});

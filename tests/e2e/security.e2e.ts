// The built page's Content-Security-Policy in use: training, exports, imports and hostile links
// cause no violation, on the page or in the worker, and never leave the page blank.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/build/csp';
import { startHarness, status, stepOf, type Harness } from './harness';

const WORKER_SCRIPT = '**/assets/worker-*.js';
/** Software WebGL steps take 10-25 ms: a few steps are enough to exercise the worker. */
const TRAIN_STEPS = 5;
const HOSTILE_HASHES = [
  '#run=<script>alert(1)</script>',
  '#lr=javascript:alert(1)',
  `#run=${'A~'.repeat(5_000)}`,
  '#%E0%A4%A',
];
const CSP_MESSAGE = /Content Security Policy|CSP violation/i;
// Probes run after the quiet run, to prove the policy was in force where it was quiet. (DevTools'
// evaluate may eval freely, so the probes do what a page would: add an inline script, fetch elsewhere.)
const INLINE_SCRIPT = `const s = document.createElement('script');
  s.textContent = 'window.ran = 1';
  document.head.append(s);
  window.ran === 1 ? 'ran' : 'refused'`;
const OFF_ORIGIN_FETCH = `fetch('https://example.com/').then(() => 'fetched', () => 'refused')`;

/** Violations are events on a document or a worker's global; each becomes a console error collected here. */
function listener(target: 'document' | 'self', where: string): string {
  return `${target}.addEventListener('securitypolicyviolation', (e) =>
    console.error('CSP violation in ${where}: ' + e.violatedDirective + ' ' + e.blockedURI), true);`;
}
// A meta policy does not reach a worker, which takes its policy from its script's response headers:
// the test serves the worker with the same policy as a header (as a host could) and the same listener.
const WORKER_LISTENER = listener('self', 'worker');
/**
 * The one violation allowed: tfjs-core's `long` package tries to compile a tiny WebAssembly module
 * for 64-bit multiply and divide when the worker loads, catches the refusal and uses plain JavaScript.
 * Training needs no eval of either kind, so the policy stays without 'wasm-unsafe-eval'.
 */
const LONG_WASM_PROBE = /^CSP violation in worker: script-src wasm-eval$/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A page under the policy; `reports` collects CSP messages (page and workers), page errors and dialogs. */
async function guardedPage(): Promise<{ page: Page; context: BrowserContext; reports: string[] }> {
  const context = await h.browser.newContext({
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  });
  await context.route(WORKER_SCRIPT, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy() },
      body: `${WORKER_LISTENER}\n${await response.text()}`,
    });
  });
  await context.addInitScript(listener('document', 'page'));
  const page = await context.newPage();
  const reports: string[] = [];
  const collect = (m: ConsoleMessage) => {
    if (CSP_MESSAGE.test(m.text())) reports.push(m.text());
  };
  page.on('console', collect);
  page.on('worker', (w) => w.on('console', collect));
  page.on('pageerror', (e) => reports.push(`page error: ${String(e)}`));
  // A hostile link must never get as far as an alert().
  page.on('dialog', (d) => {
    reports.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, context, reports };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** Not blank: the Start button or some notice is on screen. */
const alive = (page: Page) =>
  button(page, 'Start')
    .or(page.locator('.notice'))
    .first()
    .isVisible()
    .catch(() => false);

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, name).click()]);
  return readFile((await file.path())!);
}

describe('content security policy', () => {
  it('ships in the built page, first in <head>', async () => {
    const html = await readFile('dist/index.html', 'utf8');
    const head = html.slice(html.indexOf('<head>') + '<head>'.length).trimStart();
    expect(head).toMatch(/^<meta http-equiv="Content-Security-Policy"/);
    expect(html.replaceAll('&#39;', "'")).toContain(contentSecurityPolicy());
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('holds while training, exporting, importing and opening hostile links', async () => {
    const { page, context, reports } = await guardedPage();
    await page.goto(h.baseUrl + '#webgl=software&bs=64&epochs=1');
    await expect.poll(() => button(page, 'Start').isEnabled(), { timeout: 60_000 }).toBe(true);
    await button(page, 'Start').click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(TRAIN_STEPS);
    await button(page, 'Pause').click();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
    expect(await status(page).getAttribute('data-backend')).toBe('webgl');

    expect((await download(page, 'Export CSV')).toString()).toMatch(/^run,step,/);
    const json = await download(page, 'Export JSON');
    expect((await download(page, 'Loss PNG')).subarray(1, 4).toString()).toBe('PNG');
    expect((await download(page, 'Loss SVG')).toString()).toMatch(/^<svg/);

    const input = page.getByLabel('Import JSON file');
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: json });
    await expect.poll(() => page.locator('[aria-label="Loss chart"]').innerText()).toContain('(imported)');
    await input.setInputFiles({
      name: 'deep.json',
      mimeType: 'application/json',
      buffer: Buffer.from('['.repeat(100_000)),
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing imported from deep.json' });
    await expect.poll(() => refusal.innerText().catch(() => '')).toMatch(/nests lists or objects/);

    for (const hash of HOSTILE_HASHES) {
      await page.goto('about:blank');
      await page.goto(h.baseUrl + hash);
      await expect.poll(() => alive(page), { timeout: 30_000 }).toBe(true);
    }
    expect(reports.filter((m) => !LONG_WASM_PROBE.test(m))).toEqual([]);

    expect(await page.evaluate(INLINE_SCRIPT)).toBe('refused');
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    expect(await page.workers()[0]!.evaluate(OFF_ORIGIN_FETCH)).toBe('refused');
    await expect.poll(() => reports.join('\n')).toMatch(/in page: script-src-elem inline/);
    await expect.poll(() => reports.join('\n')).toMatch(/in worker: connect-src https:\/\/example\.com/);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});

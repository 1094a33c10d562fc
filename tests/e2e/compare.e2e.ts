// Compare and replay in the browser: three optimizers racing, a timeline replayed from a link,
// exports that match the charts, runs kept across a reload, imports good and bad.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const legend = (page: Page) => page.locator('[aria-label="Loss chart"] .chart-legend').innerText();

async function ready(page: Page) {
  await expect.poll(() => button(page, 'Start').isEnabled(), { timeout: 60_000 }).toBe(true);
}

const RACE =
  '#bs=32&epochs=10&prep=scale&seed=1&webgl=software' +
  ['SGD~0072B2~sgd~0.05', 'Momentum~D55E00~momentum~0.01', 'Adam~009E73~adam~0.001', 'B2~CC79A7~adam~0.001']
    .map((r) => `&run=${r}~0.9~0.999~1e-7~0.9~0~`)
    .join('');

describe('compare and replay', () => {
  it('a slider key during a four-run race redraws no chart', async () => {
    const { page, errors } = await openPage(h, `?testhooks${RACE}`);
    await ready(page);
    await button(page, 'Start').click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    const renders = () => page.evaluate(() => window.playgroundTestHooks!.chartRenders());
    const slider = page.getByRole('slider', { name: 'Learning rate η', exact: true });
    await slider.focus();
    // The first key holds the charts; a redraw a publish just before it had queued may still land.
    await slider.press('ArrowRight');
    await page.waitForTimeout(150);
    const before = await renders();
    for (let i = 0; i < 4; i++) {
      await slider.press('ArrowRight');
      await page.waitForTimeout(60);
    }
    // Read within the keys' settle time: training publishes nothing then, so any render was the keys'.
    expect(await renders()).toEqual(before);
    // The keys did change the setting, and the charts go on drawing once the keys have settled.
    await expect
      .poll(() => page.getByRole('region', { name: 'Live changes' }).getByRole('listitem').count())
      .toBeGreaterThan(0);
    await expect.poll(async () => (await renders()).loss, { timeout: 10_000 }).toBeGreaterThan(before.loss);

    // A chart out of view does not redraw while training adds points, and catches up once shown.
    const internals = page.getByRole('figure', { name: 'Inside the optimizer chart' });
    const box = await internals.boundingBox();
    expect(box!.y).toBeGreaterThan(page.viewportSize()!.height); // below the fold at 1440×1000
    const hidden = (await renders()).internals;
    const loss = (await renders()).loss;
    await page.waitForTimeout(3_000);
    expect((await renders()).loss).toBeGreaterThan(loss); // training goes on and the loss chart follows
    expect((await renders()).internals).toBe(hidden);
    await internals.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await renders()).internals, { timeout: 10_000 }).toBeGreaterThan(hidden);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Compare optimizers" races SGD, Momentum, RMSProp and Adam with a legend', async () => {
    const { page, errors } = await openPage(h, '#webgl=software&bs=128&epochs=1');
    await ready(page);
    await button(page, 'Compare optimizers').click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(15);
    await button(page, 'Pause').click();
    const text = await legend(page);
    for (const name of ['SGD', 'Momentum', 'RMSProp', 'Adam']) expect(text).toContain(name);
    // One colour per run: its smoothed training line and its validation line.
    const strokes = await page
      .locator('[aria-label="Loss chart"] path.plot-curve')
      .evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute('stroke')))].filter(Boolean));
    expect(strokes).toHaveLength(4);
    expect(new URL(page.url()).hash.match(/run=/g)).toHaveLength(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with a timeline replays its changes at the recorded steps', async () => {
    const link =
      '#bs=64&epochs=1&prep=scale&seed=1&webgl=software&run=Adam~009E73~adam~0.001~0.9~0.999~1e-7~0.9~0~12.b2.0.9_20.lr.0.01&run=SGD~0072B2~sgd~0.001~0.9~0.999~1e-7~0.9~0~';
    const { page, errors } = await openPage(h, link);
    await ready(page);
    const log = page.getByRole('region', { name: 'Live changes' });
    await expect(log.innerText()).resolves.toMatch(/replays at this step/);
    await button(page, 'Start').click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(25);
    await button(page, 'Pause').click();
    const items = log.getByRole('listitem');
    expect(await items.evaluateAll((li) => li.map((x) => Number(x.getAttribute('data-step'))))).toEqual([
      12, 20,
    ]);
    expect(await log.innerText()).not.toMatch(/replays at this step/);
    const chart = await page.locator('[aria-label="Loss chart"]').innerText();
    expect(chart).toContain('β2 0.999 → 0.9');
    expect(chart).toContain('Learning rate η 0.001 → 0.01');
    // Replayed changes are not recorded twice: the link is unchanged.
    expect(new URL(page.url()).hash).toBe(link);
    // Forgetting the changes starts over from the runs' starting settings, without a timeline.
    await button(page, 'Forget changes and reset').click();
    await expect.poll(() => log.count()).toBe(0);
    expect(await stepOf(page)).toBe(0);
    expect(new URL(page.url()).hash).toMatch(/~adam~0\.001~0\.9~0\.999~1e-7~0\.9~0~(&|$)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports CSV and JSON that match the run, keeps runs across a reload, imports good files and refuses bad ones', async () => {
    const { page, errors } = await openPage(h, '#webgl=software&bs=64&epochs=1');
    await ready(page);
    await button(page, 'Start').click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
    await button(page, 'Pause').click();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
    // The chunk in flight when Pause arrived still reports its steps; let the page settle.
    await page.waitForTimeout(500);
    const steps = await stepOf(page);
    // The last step's metrics (and instruments) come back after its step is counted.
    await expect
      .poll(() => status(page).getAttribute('data-point-step'), { timeout: 10_000 })
      .toBe(String(steps));
    const lastLoss = Number(await status(page).getAttribute('data-loss'));

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      button(page, 'Export CSV').click(),
    ]);
    const csv = (await readFile((await csvDownload.path())!, 'utf8')).trim().split(/\r?\n/);
    // The recorded columns, then one per layer and instrument.
    expect(csv[0]).toMatch(
      /^run,step,epoch,loss,accuracy,lr,val_loss,val_accuracy,dense1\.kernel\.gradNorm,/,
    );
    expect(csv).toHaveLength(steps + 1);
    expect(Number(csv.at(-1)!.split(',')[3])).toBeCloseTo(lastLoss, 4);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      button(page, 'Export JSON').click(),
    ]);
    const jsonPath = (await jsonDownload.path())!;
    const json = JSON.parse(await readFile(jsonPath, 'utf8')) as {
      runs: { points: { step: number; loss: number }[] }[];
    };
    expect(json.runs).toHaveLength(1);
    expect(json.runs[0]!.points.map((p) => p.step)).toEqual(Array.from({ length: steps }, (_, i) => i + 1));
    expect(json.runs[0]!.points.at(-1)!.loss).toBeCloseTo(lastLoss, 4);

    const [png] = await Promise.all([page.waitForEvent('download'), button(page, 'Loss PNG').click()]);
    expect((await readFile((await png.path())!)).subarray(1, 4).toString()).toBe('PNG');

    // Paused runs are kept: after a reload they come back as read-only curves.
    await page.reload();
    await expect.poll(() => legend(page).catch(() => ''), { timeout: 30_000 }).toContain('(kept)');

    // A foreign file changes nothing and says why; the export comes back as an overlay.
    const input = page.getByLabel('Import JSON file');
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"other"}'),
    });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Nothing imported from bad.json' }).count())
      .toBe(1);
    await input.setInputFiles(jsonPath);
    await expect.poll(() => legend(page)).toContain('(imported)');
    await button(page, 'Clear all').click();
    await expect.poll(() => legend(page)).not.toMatch(/\((kept|imported)\)/);
    await page.reload();
    await ready(page);
    expect(await legend(page)).not.toContain('(kept)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

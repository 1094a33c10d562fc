// Recovery in the browser: a lost WebGL context and a crashed worker (forced through the page's test
// hooks) do not end the run. Training resumes in a new worker from the latest checkpoint, the step
// count continues from it, and the losses after resuming equal the ones recorded before the failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestHookAction } from '../../src/protocol';
import { openPage, startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Point = { step: number; loss: number };
const points = (page: Page) => page.evaluate(() => window.playgroundTestHooks!.points());
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function waitForStep(page: Page, atLeast: number): Promise<void> {
  await expect.poll(() => stepOf(page), { timeout: 90_000, interval: 100 }).toBeGreaterThanOrEqual(atLeast);
}

/** Trains, pauses (a checkpoint), trains on, forces `action`, and returns what was recorded before and after. */
async function failAndResume(action: TestHookAction) {
  const { page, errors } = await openPage(h, `?testhooks#webgl=software`);
  await expect.poll(() => button(page, 'Start').isEnabled(), { timeout: 60_000 }).toBe(true);
  await button(page, 'Start').click();
  await waitForStep(page, 30);
  await button(page, 'Pause').click();
  await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
  const paused = await stepOf(page);
  await button(page, 'Resume').click();
  // A few steps only: the pause's checkpoint stays the latest (one is taken every 3 s of training), so
  // the steps after it are recorded both before and after the failure.
  await waitForStep(page, paused + 5);
  // The last readback can lag the step counter: wait until the page has these steps' losses.
  await expect
    .poll(async () => Number(await status(page).getAttribute('data-point-step')), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(paused + 5);
  const before: Point[] = await points(page);
  await page.evaluate((a) => window.playgroundTestHooks![a](), action);

  const log = page.getByRole('region', { name: 'Live changes' }).locator('li.recovery');
  await expect.poll(() => log.count(), { timeout: 60_000 }).toBe(1);
  const text = (await log.textContent()) ?? '';
  const [, lostAt, resumedFrom] = /step ([\d,]+).*resumed from step ([\d,]+)/
    .exec(text)!
    .map((s) => Number(s.replace(/,/g, '')));
  await waitForStep(page, resumedFrom! + 20);
  const after: Point[] = await points(page);
  await button(page, 'Pause').click();
  return { page, errors, before, after, lostAt: lostAt!, resumedFrom: resumedFrom!, paused, text };
}

function expectSameLosses(before: Point[], after: Point[], from: number, to: number): void {
  const lossAt = (ps: Point[], step: number) => ps.find((p) => p.step === step)?.loss;
  // The failed worker may have trained steps whose metrics never reached the page (still being read
  // back): those exist only after resuming, so the comparison covers the steps recorded on both sides.
  const steps = after
    .filter((p) => p.step > from && p.step <= to && lossAt(before, p.step) !== undefined)
    .map((p) => p.step);
  expect(steps.length).toBeGreaterThan(0);
  for (const step of steps) expect(lossAt(after, step), `step ${step}`).toBe(lossAt(before, step));
}

describe('recovery', () => {
  it('a lost WebGL context: resumes on WebGL from the checkpoint with the same losses', async () => {
    const r = await failAndResume('loseContext');
    expect(r.text).toMatch(/^step [\d,]+GPU context lost at step [\d,]+; resumed from step [\d,]+$/);
    expect(r.resumedFrom).toBeGreaterThanOrEqual(r.paused);
    expect(r.resumedFrom).toBeLessThanOrEqual(r.lostAt);
    // The curve was cut back to the checkpoint and grows again from there, one point per step.
    const steps = r.after.map((p) => p.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expectSameLosses(r.before, r.after, r.resumedFrom, r.lostAt);
    await expect.poll(() => status(r.page).getAttribute('data-backend')).toBe('webgl');
    await expect.poll(() => r.page.getByText(/Nothing you made was lost/).isVisible()).toBe(true);
    expect(r.errors).toEqual([]);
  });

  it('a crashed worker: a new one resumes from the checkpoint with the same losses', async () => {
    const r = await failAndResume('crash');
    expect(r.text).toMatch(/The training worker crashed at step [\d,]+ .*; resumed from step [\d,]+$/);
    expect(r.resumedFrom).toBeGreaterThanOrEqual(r.paused);
    expectSameLosses(r.before, r.after, r.resumedFrom, r.lostAt);
    // The crash itself is the only error the page saw.
    expect(r.errors.filter((e) => !/test hook: the worker crashed/.test(e))).toEqual([]);
  });
});

// The playground end to end: production build, real worker, software WebGL, real MNIST.
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

const SW = 'webgl=software';
const stateOf = (page: Page) => status(page).getAttribute('data-state');

async function waitReady(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await expect
    .poll(() => page.getByRole('button', { name: 'Start', exact: true }).isEnabled(), { timeout: 60_000 })
    .toBe(true);
}

async function waitForStep(page: Page, atLeast: number, timeout = 60_000): Promise<number> {
  await expect.poll(() => stepOf(page), { timeout, interval: 200 }).toBeGreaterThanOrEqual(atLeast);
  return stepOf(page);
}

describe('playground', () => {
  it('trains on WebGL in the worker: loss falls and points appear; live change is marked and kept in the URL', async () => {
    const { page, errors } = await openPage(h, `#${SW}`);
    await waitReady(page);
    await expect.poll(() => status(page).getAttribute('data-backend')).toBe('webgl');
    await expect(page.getByRole('region', { name: 'Training status' }).innerText()).resolves.toMatch(/WebGL/);
    // The live region announces the state, not every step.
    await expect(status(page).innerText()).resolves.toBe('Ready to train.');
    // The first step's loss, taken with Step so it does not depend on how fast the page polls.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForStep(page, 1);
    const early = Number(await status(page).getAttribute('data-loss'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await waitForStep(page, 60);
    const late = Number(await status(page).getAttribute('data-loss'));
    expect(early).toBeGreaterThan(1); // ln 10 ≈ 2.3 at the start
    expect(late).toBeLessThan(early * 0.6);
    // Lines are drawn: paths with data in both charts.
    expect(await page.locator('[aria-label="Loss chart"] path.plot-curve').count()).toBeGreaterThan(0);
    expect(await page.locator('[aria-label="Accuracy chart"] path.plot-curve').count()).toBeGreaterThan(0);

    const lr = page.getByLabel('Learning rate η value', { exact: true });
    await lr.fill('0.01');
    await lr.press('Enter');
    const item = page.getByRole('region', { name: 'Live changes' }).getByRole('listitem').first();
    await expect
      .poll(() => item.textContent(), { timeout: 10_000 })
      .toMatch(/Learning rate η 0\.001 → 0\.01/);
    const ackStep = Number(await item.getAttribute('data-step'));
    expect(ackStep).toBeGreaterThan(60);
    await expect
      .poll(() => page.locator('[aria-label="Loss chart"]').textContent())
      .toContain('Learning rate η 0.001 → 0.01');
    // The link keeps the run's start (η 0.001) and records the change at the step it took effect.
    expect(new URL(page.url()).hash).toContain(`~adam~0.001~`);
    expect(new URL(page.url()).hash).toContain(`~${ackStep}.lr.0.01`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows samples/s equal to steps × batch × runs ÷ elapsed time, within 20 %', async () => {
    const { page, errors } = await openPage(
      h,
      `#bs=32&${SW}&run=A~0072B2~adam~0.001~0.9~0.999~1e-7~0.9~0~&run=B~D55E00~sgd~0.05~0.9~0.999~1e-7~0.9~0~`,
    );
    await waitReady(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await waitForStep(page, 1);
    await page.waitForTimeout(6_000); // the shown rate covers the last 5 s
    // Read just after the page publishes (its step changes), so both readings lag the worker alike.
    const read = async () => {
      const from = await stepOf(page);
      await expect.poll(() => stepOf(page), { interval: 20 }).toBeGreaterThan(from);
      const shown = await page
        .getByRole('region', { name: 'Training status' })
        .locator('dt', { hasText: /^Samples\/s$/ })
        .locator('+ dd')
        .textContent();
      return { t: Date.now(), step: await stepOf(page), shown: Number(shown?.replace(/,/g, '')) };
    };
    const a = await read();
    await page.waitForTimeout(8_000);
    const b = await read();
    const truth = ((b.step - a.step) * 32 * 2 * 1000) / (b.t - a.t);
    expect(b.step - a.step).toBeGreaterThan(20);
    expect(Math.abs(b.shown - truth) / truth).toBeLessThan(0.2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pause, step, resume and reset', async () => {
    const { page, errors } = await openPage(h, `#${SW}&bs=64`);
    await waitReady(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForStep(page, 1);
    expect(await stepOf(page)).toBe(1);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await waitForStep(page, 20);
    await page.keyboard.press('Space');
    await expect.poll(() => stateOf(page)).toBe('paused');
    // The chunk already queued when Pause arrived still reports its steps; then nothing moves.
    await page.waitForTimeout(400);
    const paused = await stepOf(page);
    await page.waitForTimeout(600);
    expect(await stepOf(page)).toBe(paused);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 10_000 }).toBe(paused + 1);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await waitForStep(page, paused + 10);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => stateOf(page)).toBe('paused');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => stateOf(page)).toBe('idle');
    expect(await stepOf(page)).toBe(0);
    await expect(page.getByRole('button', { name: 'Start', exact: true }).isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a crafted link restores every control', async () => {
    const hash = `#opt=momentum&lr=0.05&b1=0.8&b2=0.99&eps=1e-8&mom=0.95&nesterov=1&bs=128&epochs=3&prep=standardize&seed=42&${SW}`;
    const { page, errors } = await openPage(h, hash);
    await waitReady(page);
    const value = (name: string) => page.getByLabel(name, { exact: true }).inputValue();
    expect(await value('Optimizer')).toBe('momentum');
    expect(await value('Learning rate η value')).toBe('0.05');
    expect(await value('β1 value')).toBe('0.8');
    expect(await value('β2 value')).toBe('0.99');
    expect(await value('ε value')).toBe('1e-8');
    expect(await value('Momentum μ value')).toBe('0.95');
    expect(await page.getByLabel('Nesterov', { exact: true }).isChecked()).toBe(true);
    expect(await value('Batch size')).toBe('128');
    expect(await value('Epochs')).toBe('3');
    expect(await value('Preprocessing')).toBe('standardize');
    expect(await value('Seed')).toBe('42');
    // Only the chosen optimizer's parameters are enabled.
    expect(await page.getByLabel('β2', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Momentum μ', { exact: true }).isEnabled()).toBe(true);
    expect(new URL(page.url()).hash).toBe(hash);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a garbage link shows a notice, keeps defaults and still trains', async () => {
    const { page, errors } = await openPage(h, `#lr=abc&bs=99999&foo=1&opt=lion&%E0%A4%A&${SW}`);
    const notice = page.getByRole('note').filter({ hasText: 'Some settings in the link were ignored' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toMatch(/lr=abc/);
    expect(text).toMatch(/1024/);
    expect(text).toMatch(/foo/);
    expect(text).toMatch(/lion/);
    expect(await page.getByLabel('Learning rate η value', { exact: true }).inputValue()).toBe('0.001');
    expect(await page.getByLabel('Batch size', { exact: true }).inputValue()).toBe('1024');
    await waitReady(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await waitForStep(page, 3);
    await notice.getByRole('button').click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a diverged run: lower the learning rate, Reset, Start, and it learns', async () => {
    // Raw 0–255 pixels with plain SGD at η 10: the loss explodes within a few steps.
    const { page, errors } = await openPage(h, `#opt=sgd&lr=10&prep=none&bs=16&epochs=1&${SW}`);
    await waitReady(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => stateOf(page), { timeout: 60_000 }).toBe('diverged');
    const lr = page.getByLabel('Learning rate η value', { exact: true });
    await lr.fill('0.0001');
    await lr.press('Enter');
    // The new rate is the run's start, not a change at the step where it diverged.
    await expect.poll(() => new URL(page.url()).hash).toContain('lr=0.0001&');
    expect(new URL(page.url()).hash).not.toMatch(/\d+\.lr\./);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => stateOf(page)).toBe('idle');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForStep(page, 1);
    const first = Number(await status(page).getAttribute('data-loss'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // In Node the same run's batch loss is 205 at step 1 and under 45 from step 30 on.
    await waitForStep(page, 40);
    expect(await stateOf(page)).toBe('running');
    const later = Number(await status(page).getAttribute('data-loss'));
    // Unscaled pixels start near 200; at η 1e-4 the loss falls steadily instead of exploding.
    expect(Number.isFinite(later)).toBe(true);
    expect(later).toBeLessThan(first / 3);
    expect(await page.getByRole('region', { name: 'Live changes' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

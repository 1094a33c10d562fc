// Model choice in the page: a `model=cnn` link trains the CNN on WebGL in the worker (software WebGL
// here, so only 40 steps): its loss starts near ln 10, stays finite and falls. The worker loads
// tfjs-core alone, so this is also where a gradient the CNN's tape needs but nobody registered shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const CNN_LINK =
  '#opt=adam&lr=0.003&b1=0.9&b2=0.999&eps=1e-7&mom=0.9&nesterov=0&bs=32&epochs=1&prep=scale&seed=1' +
  '&model=cnn&act=relu&webgl=software';

describe('model choice', () => {
  // About 1.5 s a step on software WebGL on a busy machine; the first Step compiles every shader.
  it(
    'a model=cnn link trains the CNN on WebGL: the loss is finite and falls',
    { timeout: 300_000 },
    async () => {
      const { page, errors } = await openPage(h, CNN_LINK);
      const start = page.getByRole('button', { name: 'Start', exact: true });
      await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
      await expect.poll(() => status(page).getAttribute('data-backend')).toBe('webgl');
      // The first step's loss, taken with Step so it does not depend on how fast the page polls.
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(1);
      const early = Number(await status(page).getAttribute('data-loss'));
      await start.click();
      await expect.poll(() => stepOf(page), { timeout: 240_000, interval: 500 }).toBeGreaterThanOrEqual(40);
      await page.keyboard.press('Space');
      await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');
      const late = Number(await status(page).getAttribute('data-loss'));
      console.log(
        `cnn on WebGL: loss ${early.toFixed(3)} at step 1 → ${late.toFixed(3)} at step ${await stepOf(page)}`,
      );
      expect(early).toBeGreaterThan(1.8); // ln 10 ≈ 2.3 for ten classes at the start
      expect(Number.isFinite(late)).toBe(true);
      expect(late).toBeLessThan(early * 0.7);
      // The link still names the model it trained.
      expect(new URL(page.url()).hash).toContain('model=cnn');
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

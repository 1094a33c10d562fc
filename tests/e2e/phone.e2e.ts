// A student on a phone (390×844) opens a shared three-run link: nothing is wider than the screen,
// every control can be reached, and Start trains.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const LINK =
  '#bs=32&epochs=1&prep=scale&seed=1&webgl=software&run=SGD~0072B2~sgd~0.1~0.9~0.999~1e-7~0.9~0~&run=Momentum~D55E00~momentum~0.01~0.9~0.999~1e-7~0.9~0~&run=A%20long%20run%20name%20for%20a%20phone~009E73~adam~0.001~0.9~0.999~1e-7~0.9~0~';

describe('on a phone', () => {
  it('fits the screen, every control is reachable, and Start trains', async () => {
    const context = await h.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(h.baseUrl + LINK);
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    const widths = () => page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    const [scroll, inner] = await widths();
    expect(scroll).toBeLessThanOrEqual(inner!);
    // Every button, field and slider lies within the screen's width once scrolled to.
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select')]
        .filter((el) => !(el as HTMLInputElement).hidden && (el as HTMLElement).offsetParent !== null)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < 0 || r.right > window.innerWidth + 0.5;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(outside).toEqual([]);
    // The charts come right after the toolbar, before the numbers and the settings.
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('[aria-label="Loss chart"]')).toBeLessThan(await top('[aria-label="Training status"]'));
    expect(await top('[role="toolbar"]')).toBeLessThan(await top('[aria-label="Loss chart"]'));
    const slider = page.getByRole('slider', { name: 'Learning rate η', exact: true });
    await slider.scrollIntoViewIfNeeded();
    expect((await slider.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await start.tap();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const [scrollAfter] = await widths();
    expect(scrollAfter).toBeLessThanOrEqual(inner!);
    expect(errors).toEqual([]);
    await context.close();
  });
});

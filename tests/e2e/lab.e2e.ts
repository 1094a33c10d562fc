// The 2-D lab in the browser: a lab link with three runs on Rosenbrock draws three paths; dragging η on
// the selected run redraws its path (only its path); dragging the start point moves every path and the
// link; "Export path JSON" saves the paths with step 0 at the start.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathExport } from '../../src/lab/exportPath';
import { openPage, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const RUN = (opt: string, lr: string) => `run=~~${opt}~${lr}~0.9~0.999~1e-7~0.9~0~`;
const LINK = `#bs=32&epochs=1&prep=scale&seed=1&${RUN('sgd', '0.001')}&${RUN('momentum', '0.001')}&${RUN(
  'adam',
  '0.05',
)}&surface=rosenbrock&steps=400&view=lab&webgl=software`;

describe('the 2-D lab', () => {
  it('draws a path per run, redraws on a drag of η or of the start, and exports the paths', async () => {
    const { page, errors } = await openPage(h, LINK);
    const lines = page.locator('svg.lab-plot .lab-line');
    await expect.poll(() => lines.count(), { timeout: 30_000 }).toBe(3);
    const paths = () => lines.evaluateAll((ls) => ls.map((l) => l.getAttribute('d') ?? ''));
    const before = await paths();
    // 401 points: the start and one per step.
    for (const d of before) expect(d.match(/[ML]/g)).toHaveLength(401);
    expect(await page.getByRole('tab', { name: '2-D lab' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('svg.lab-plot').getAttribute('aria-label')).toContain('Rosenbrock');

    // Drag the selected run's (SGD's) learning-rate slider to the right.
    const slider = page.getByRole('slider', { name: 'Learning rate η' });
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    // η = 0.001 sits a third of the way along the log scale (1e-5 … 10): drag it to ~0.0013.
    await page.mouse.move(box.x + box.width / 3, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (1 / 3 + 0.002 * i), y);
    await page.mouse.up();
    await expect.poll(async () => (await paths())[0]).not.toBe(before[0]);
    const afterEta = await paths();
    expect(afterEta.slice(1)).toEqual(before.slice(1));
    await expect.poll(() => new URL(page.url()).hash).toMatch(/~sgd~(?!0\.001~)/);

    // Drag the start point: every path starts elsewhere, and the link records it.
    const start = (await page.locator('svg.lab-plot .lab-start-dot').boundingBox())!;
    const sx = start.x + start.width / 2;
    const sy = start.y + start.height / 2;
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(sx + 8 * i, sy + 6 * i);
    await page.mouse.up();
    await expect.poll(async () => (await paths()).every((d, i) => d !== afterEta[i])).toBe(true);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/x0=-?[\d.]+&y0=/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export path JSON' }).click(),
    ]);
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as PathExport;
    expect(saved.surface).toBe('rosenbrock');
    expect(saved.runs.map((r) => r.optimizer)).toEqual(['sgd', 'momentum', 'adam']);
    for (const r of saved.runs) {
      expect(r.points).toHaveLength(401);
      expect(r.points[0]).toMatchObject({ step: 0, x: saved.start[0], y: saved.start[1] });
    }
    expect(saved.start).not.toEqual([-1.5, 2]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

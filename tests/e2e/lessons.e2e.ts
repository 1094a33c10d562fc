// A lesson in the browser: its link opens its experiment and card, training fills "Inside the optimizer"
// with one line per layer (for the run left visible) and writes Adam's update with the step's numbers,
// exactly the step a single Step made; the Lessons list opens another lesson through its link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonById } from '../../src/lessons/lessons';
import { parseExperimentHash } from '../../src/experiment/link';
import { openPage, startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const LESSON = lessonById('bias-correction')!;
const OTHER = lessonById('momentum')!;

describe('a lesson', () => {
  it('opens from #lesson=, trains, and shows the optimizer inside and its update with numbers', async () => {
    const { page, errors } = await openPage(h, `#lesson=${LESSON.id}&webgl=software`);
    const card = page.getByRole('region', { name: 'Lesson', exact: true });
    await expect.poll(() => card.getByRole('heading').textContent()).toBe(LESSON.words.en.title);
    const runs = parseExperimentHash(`#${LESSON.parts[0]!.link}`).experiment.runs;
    expect(runs.length).toBeGreaterThan(1);
    for (const r of runs) await expect.poll(() => page.getByLabel(`Hide ${r.name}`).count()).toBe(1);

    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 60_000 }).toBe(true);
    await start.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('paused');

    // With one run left visible, the chart draws a line per layer tensor of that run.
    for (const r of runs.slice(1)) await page.getByLabel(`Hide ${r.name}`).check();
    const chart = page.getByRole('figure', { name: 'Inside the optimizer chart' });
    await expect.poll(() => chart.locator('.plot-curve').count(), { timeout: 30_000 }).toBe(4);

    const equations = page.getByRole('region', { name: 'The optimizer’s update of one weight' });
    await expect.poll(() => equations.getByRole('heading').textContent()).toBe("Adam's update, with numbers");
    const lines = equations.locator('tr[data-line]');
    await expect
      .poll(() => lines.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line'))))
      .toEqual(['g', 'm', 'v', 'mHat', 'vHat', 'theta']);
    // Typeset (KaTeX, with MathML for screen readers), with numbers substituted.
    await expect.poll(() => equations.locator('.katex math').count(), { timeout: 30_000 }).toBe(12);
    const numbers = await lines
      .locator('td:nth-child(2) .tex')
      .evaluateAll((t) => t.map((e) => e.getAttribute('data-tex') ?? ''));
    for (const tex of numbers) expect(tex).toMatch(/= -?\d/);

    // A single Step shows exactly that step's update.
    const before = await stepOf(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    const slow = { timeout: 30_000 };
    await expect.poll(() => status(page).getAttribute('data-point-step'), slow).toBe(String(before + 1));
    await expect.poll(() => equations.getAttribute('data-step'), slow).toBe(String(before + 1));

    // Another lesson from the list loads through its link.
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('button', { name: `Open the lesson “${OTHER.words.en.title}”` }).click();
    await expect.poll(() => card.getByRole('heading').textContent()).toBe(OTHER.words.en.title);
    await expect.poll(() => new URL(page.url()).hash).toContain(`lesson=${OTHER.id}`);
    const otherRuns = parseExperimentHash(`#${OTHER.parts[0]!.link}`).experiment.runs;
    for (const r of otherRuns) await expect.poll(() => page.getByLabel(`Hide ${r.name}`).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

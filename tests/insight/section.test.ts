// @vitest-environment happy-dom
// The section's side of the conversation with the worker: when it asks (an epoch's end, Refresh, a
// picked cell; not at page load), which answers it keeps (the latest question's only), and the
// confusion matrix as a real table whose cells carry their numbers as text; with label noise, the
// mislabelled training images offered beside the test digits (and only then).
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { InsightSection } from '../../src/insight/InsightSection';
import type { InsightEvent, InsightRequest, Predictions } from '../../src/protocol';
import { IMAGE_PIXELS } from '../../src/shared/mnist';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A worker stand-in: records the questions, answers when told. */
function fakeWorker() {
  const asked: (InsightRequest & { id: number })[] = [];
  const listeners = new Set<(e: InsightEvent) => void>();
  return {
    asked,
    ask: (r: InsightRequest) => asked.push({ ...r, id: asked.length + 1 }),
    listen: (fn: (e: InsightEvent) => void) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    answer: (requestId: number, result: Predictions) =>
      act(() => {
        for (const fn of listeners) fn({ type: 'predictions', runId: 1, lane: 'a', requestId, result });
      }),
    progress: (requestId: number, done: number, total: number) =>
      act(() => {
        for (const fn of listeners) fn({ type: 'predicting', runId: 1, lane: 'a', requestId, done, total });
      }),
  };
}

/** 1,000 of each digit, all right except 30 sevens taken for ones; `mislabelled` training images. */
function ready(step: number, mislabelled = 0): Predictions {
  const confusion = new Array(100).fill(0);
  for (let d = 0; d < 10; d++) confusion[d * 11] = 1000;
  confusion[77] = 970;
  confusion[71] = 30;
  return {
    kind: 'ready',
    step,
    confusion,
    digits: [{ index: 3, label: 7, predicted: 1, confidence: 0.9 }],
    images: new Uint8Array(IMAGE_PIXELS),
    matching: 30,
    cell: null,
    mislabelled,
  };
}

/** 150 training images given a wrong label: 100 memorised, 40 predicted as their true digit. */
const MISLABELLED: Predictions = {
  kind: 'mislabelled',
  step: 100,
  total: 150,
  memorised: 100,
  trueDigit: 40,
  digits: [
    { index: 12, label: 3, given: 8, predicted: 8, confidence: 0.75 },
    { index: 40, label: 5, given: 2, predicted: 5, confidence: 0.6 },
  ],
  images: new Uint8Array(2 * IMAGE_PIXELS),
};

const toggleOf = (root: HTMLElement) =>
  [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Mislabelled training images'))
    ?.control as HTMLInputElement | undefined;

async function mount(worker: ReturnType<typeof fakeWorker>) {
  const root = document.body.appendChild(document.createElement('div'));
  const react: Root = createRoot(root);
  const props = {
    ask: worker.ask,
    listen: worker.listen,
    runId: 1,
    lane: 'a',
    step: 0,
    stepsPerEpoch: 100,
    dataReady: true,
    dataComplete: true,
  };
  const render = (p: Partial<typeof props>) =>
    act(async () => react.render(createElement(InsightSection, { ...props, ...p })));
  await render({});
  cleanups.push(() => {
    act(() => react.unmount());
    root.remove();
  });
  return { root, render };
}

describe('InsightSection', () => {
  it('asks nothing before the first epoch ends, unless Refresh is pressed', async () => {
    const worker = fakeWorker();
    const { root, render } = await mount(worker);
    await render({ step: 50 });
    expect(worker.asked).toEqual([]);
    expect(root.textContent).toContain('The predictions appear at the end of the first epoch');
    const refresh = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Refresh')!;
    await act(async () => refresh.click());
    expect(worker.asked).toEqual([
      { type: 'predict', images: 'test', lane: 'a', cell: null, limit: 40, id: 1 },
    ]);
  });

  it('says how far the pass has gone, for the latest question only, until its answer', async () => {
    const worker = fakeWorker();
    const { root, render } = await mount(worker);
    await render({ step: 100 });
    const status = () => root.querySelector('.insight-status')!.textContent;
    expect(status()).toBe('Updating…');
    await worker.progress(1, 2560, 10_000);
    expect(status()).toBe('Updating: 2,560 of 10,000 test digits…');
    await render({ step: 200 });
    // Question 2 is out: question 1's progress no longer applies.
    expect(status()).toBe('Updating…');
    await worker.progress(1, 5120, 10_000);
    expect(status()).toBe('Updating…');
    await worker.progress(2, 256, 10_000);
    expect(status()).toBe('Updating: 256 of 10,000 test digits…');
    await worker.answer(2, ready(200));
    expect(status()).toBe('');
  });

  it('asks at each epoch’s end and keeps only the answer to the latest question', async () => {
    const worker = fakeWorker();
    const { root, render } = await mount(worker);
    await render({ step: 100 });
    await render({ step: 200 });
    expect(worker.asked.map((a) => a.id)).toEqual([1, 2]);
    await worker.answer(1, ready(100));
    expect(root.querySelector('table')).toBeNull(); // stale: question 2 is out
    await worker.answer(2, ready(200));
    expect(root.querySelector('section')!.getAttribute('data-step')).toBe('200');

    const table = root.querySelector('table')!;
    expect(table.getAttribute('aria-labelledby')).toBeTruthy();
    const rowHeaders = [...table.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent);
    expect(rowHeaders).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(table.querySelectorAll('thead th[scope=col]')).toHaveLength(11);
    const cells = [...table.querySelectorAll('td[data-count]')];
    expect(cells.reduce((s, td) => s + Number(td.getAttribute('data-count')), 0)).toBe(10_000);
    expect(cells[0]!.textContent).toBe('1,000');
    expect(root.querySelector('.confusion-summary')!.textContent).toContain(
      'Accuracy 99.7%: 9,970 of 10,000',
    );

    // A cell narrows the grid: the section asks again for that (true, predicted) pair.
    const miss = cells[71]!.querySelector('button')!;
    expect(miss.getAttribute('aria-label')).toBe('30: labelled 7, predicted 1');
    await act(async () => miss.click());
    expect(worker.asked.at(-1)).toMatchObject({ type: 'predict', cell: { label: 7, predicted: 1 } });
    expect(miss.getAttribute('aria-pressed')).toBe('true');

    // Row-normalised: each cell its share of the row.
    const toggle = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    await act(async () => toggle.click());
    expect(cells[71]!.textContent).toBe('3.0%');
    expect(cells[0]!.textContent).toBe('100.0%');
  });

  it('says the test digits are still on their way, and asks again once they are in', async () => {
    const worker = fakeWorker();
    const { root, render } = await mount(worker);
    await render({ step: 100, dataComplete: false });
    await worker.answer(1, { kind: 'waiting' });
    expect(root.textContent).toContain('The test digits are still downloading');
    await render({ step: 100, dataComplete: true });
    expect(worker.asked).toHaveLength(2);
  });

  it('offers no mislabelled training images when the run has no label noise', async () => {
    const worker = fakeWorker();
    const { root, render } = await mount(worker);
    await render({ step: 100 });
    await worker.answer(1, ready(100, 0));
    expect(root.querySelector('.digit-grid')).not.toBeNull();
    expect(toggleOf(root)).toBeUndefined();
    expect(root.textContent).not.toContain('Mislabelled');
  });

  it('with label noise, shows the mislabelled training images, their count and predictions', async () => {
    const worker = fakeWorker();
    const { root, render } = await mount(worker);
    await render({ step: 100 });
    await worker.answer(1, ready(100, 150));
    const toggle = toggleOf(root)!;
    expect(toggle.labels![0]!.textContent).toBe('Mislabelled training images (150)');
    expect(toggle.checked).toBe(false);
    await act(async () => toggle.click());
    expect(worker.asked.at(-1)).toEqual({
      type: 'predict',
      images: 'mislabelled',
      lane: 'a',
      limit: 40,
      id: 2,
    });
    const status = () => root.querySelector('.insight-status')!.textContent;
    await worker.progress(2, 64, 150);
    expect(status()).toBe('Updating: 64 of 150 mislabelled training images…');
    await worker.answer(2, MISLABELLED);
    expect(status()).toBe('');
    expect(root.querySelector('.mislabelled-summary')!.textContent).toBe(
      'Of 150 training images given a wrong label, the network predicts the wrong label it was taught ' +
        'for 100 (memorised), the true digit for 40, another digit for 10; the first 2 shown.',
    );
    const grid = root.querySelector(
      'ul[aria-label="Mislabelled training images and what the network predicts now"]',
    )!;
    const names = [...grid.querySelectorAll('[role=img]')].map((i) => i.getAttribute('aria-label'));
    expect(names).toEqual([
      'A 3 labelled 8 in training, predicted 8 (75%)',
      'A 5 labelled 2 in training, predicted 5 (60%)',
    ]);
    expect(grid.children[0]!.className).toContain('digit-wrong');
    expect(grid.children[1]!.className).not.toContain('digit-wrong');
    // The next epoch asks both again; a picked cell goes back to the test digits.
    await render({ step: 200 });
    expect(
      worker.asked
        .slice(-2)
        .map((a) => ('images' in a ? a.images : a.type))
        .sort(),
    ).toEqual(['mislabelled', 'test']);
    const miss = root.querySelector<HTMLButtonElement>('td[data-count="30"] button')!;
    await act(async () => miss.click());
    expect(toggleOf(root)!.checked).toBe(false);
    expect(root.querySelector('.mislabelled-summary')).toBeNull();
  });

  it('says the training images are still on their way', async () => {
    const worker = fakeWorker();
    const { root, render } = await mount(worker);
    await render({ step: 100 });
    await worker.answer(1, ready(100, 150));
    await act(async () => toggleOf(root)!.click());
    await worker.answer(2, { kind: 'waiting' });
    expect(root.querySelector('.insight-status')!.textContent).toBe(
      'The training images are still downloading: the mislabelled ones appear once they are in.',
    );
  });
});

// @vitest-environment happy-dom
// What LabView draws and sends back: one line and one row per visible run, a path that changes when
// its run's η does, bands for the surface, labelled controls, a surface change through onLabChange,
// which η the lab walks with (the choice and each run's η in the table), and the exported JSON.
// happy-dom has no layout, so dragging is left to the browser test.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LabView, type LabViewProps } from '../../src/lab/LabView';
import type { PathExport } from '../../src/lab/exportPath';
import { defaultLab, type LabSettings } from '../../src/lab/settings';
import { makeRun } from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.restoreAllMocks();
});

async function mount(
  props: LabViewProps,
): Promise<{ root: HTMLElement; render(p: LabViewProps): Promise<void> }> {
  // Without layout the loss chart's container measures 0 × 0, which recharts warns about.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const root = document.body.appendChild(document.createElement('div'));
  const react: Root = createRoot(root);
  const render = async (p: LabViewProps) => act(async () => react.render(createElement(LabView, p)));
  await render(props);
  cleanups.push(() => {
    act(() => react.unmount());
    root.remove();
  });
  return { root, render };
}

const RUNS = [
  makeRun({ optimizer: 'sgd', learningRate: 0.001 }, [], 'a'),
  makeRun({ optimizer: 'momentum', learningRate: 0.0005 }, [], 'b'),
  makeRun({ optimizer: 'adam', learningRate: 0.01 }, [], 'c'),
  { ...makeRun({ optimizer: 'adam' }, [], 'hidden'), hidden: true },
];
const lines = (root: Element) =>
  Array.from(root.querySelectorAll('.lab-line')).map((p) => p.getAttribute('d') ?? '');

describe('LabView', () => {
  it('draws a path per visible run over the contour bands, and redraws one when its η changes', async () => {
    const lab = { ...defaultLab('rosenbrock'), steps: 100 };
    const onLabChange = vi.fn();
    const { root, render } = await mount({ runs: RUNS, lab, seed: 1, onLabChange, onDownload: () => {} });
    const before = lines(root);
    expect(before).toHaveLength(3);
    // 101 points each: the start and one per step.
    for (const d of before) expect(d.match(/[ML]/g)).toHaveLength(101);
    expect(root.querySelectorAll('.lab-band').length).toBeGreaterThan(5);
    expect(root.querySelectorAll('.lab-minimum')).toHaveLength(1);
    const svg = root.querySelector('svg.lab-plot')!;
    expect(svg.getAttribute('aria-label')).toBe("Contour map of the Rosenbrock surface with each run's path");
    expect(document.getElementById(svg.getAttribute('aria-describedby')!)?.textContent).toBe(
      '3 paths of 100 steps on the Rosenbrock surface.',
    );
    expect(root.querySelectorAll('.lab-summary tbody tr')).toHaveLength(3);

    const faster = RUNS.map((r) =>
      r.id === 'b' ? { ...r, initial: { ...r.initial, learningRate: 0.001 } } : r,
    );
    await render({ runs: faster, lab, seed: 1, onLabChange, onDownload: () => {} });
    const after = lines(root);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    expect(onLabChange).not.toHaveBeenCalled();
  });

  it('labels its controls and reports a surface change with that surface’s start', async () => {
    const onLabChange = vi.fn<(next: LabSettings) => void>();
    const { root } = await mount({
      runs: RUNS,
      lab: defaultLab(),
      seed: 1,
      onLabChange,
      onDownload: () => {},
    });
    const labels = Array.from(root.querySelectorAll('label')).map((l) => l.textContent);
    expect(labels).toEqual(
      expect.arrayContaining(['Surface', 'η in the lab', 'Condition number', 'Start x', 'Start y', 'Steps']),
    );
    expect(labels).not.toContain('Gradient noise');
    for (const input of root.querySelectorAll('select, input[type="range"], input[type="text"]'))
      expect(root.querySelector(`label[for="${input.id}"]`), input.outerHTML).not.toBeNull();
    const select = root.querySelector('select')!;
    await act(async () => {
      select.value = 'saddle';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onLabChange).toHaveBeenCalledWith({ ...defaultLab(), surface: 'saddle', x0: -2, y0: 1e-3 });
  });

  it('says which η each run walks with, and reports a change of that choice', async () => {
    const onLabChange = vi.fn<(next: LabSettings) => void>();
    const runs = [makeRun({}, [], 'default'), makeRun({ optimizer: 'sgd', learningRate: 0.002 }, [], 'sgd')];
    const props = { runs, lab: defaultLab(), seed: 1, onLabChange, onDownload: () => {} };
    const { root, render } = await mount(props);
    const etaColumn = () =>
      Array.from(root.querySelectorAll('.lab-summary tbody tr')).map((r) => r.children[1]!.textContent);
    expect(root.querySelector('.lab-summary thead th:nth-child(2)')?.textContent).toBe('η in the lab');
    // Adam at MNIST's 0.001 walks at 0.1; SGD's factor on the quadratic at κ 50 is 20.
    expect(etaColumn()).toEqual(['0.1 = 100 × 0.001', '0.04 = 20 × 0.002']);
    const choice = root.querySelectorAll('select')[1]!;
    expect(choice.value).toBe('surface');
    expect(document.getElementById(choice.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /multiplied by a factor for its optimizer on this surface/,
    );
    await act(async () => {
      choice.value = 'run';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onLabChange).toHaveBeenCalledWith({ ...defaultLab(), eta: 'run' });
    await render({ ...props, lab: { ...defaultLab(), eta: 'run' } });
    expect(etaColumn()).toEqual(['0.001', '0.002']);
  });

  it('exports the paths as JSON, step 0 the start', async () => {
    const lab = { ...defaultLab('saddle'), steps: 20 };
    let saved: Blob | null = null;
    let name = '';
    const onDownload = (blob: Blob, named: (stamp: string) => string) => {
      saved = blob;
      name = named('2026-11-29-01-00-00');
    };
    const { root } = await mount({ runs: RUNS, lab, seed: 1, onLabChange: () => {}, onDownload });
    const button = Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent === 'Export path JSON',
    )!;
    await act(async () => button.click());
    expect(saved).not.toBeNull();
    expect(name).toMatch(/saddle.*2026-11-29-01-00-00.*\.json$/);
    const e = JSON.parse(await saved!.text()) as PathExport;
    expect(e.surface).toBe('saddle');
    expect(e.start).toEqual([-2, 1e-3]);
    expect(e.runs.map((r) => r.points.length)).toEqual([21, 21, 21]);
    expect(e.runs[0]!.points[0]).toMatchObject({ step: 0, x: -2, y: 1e-3 });
  });
});

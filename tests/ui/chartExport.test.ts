// @vitest-environment happy-dom
// Chart export by a typed handle: each chart hands its figure to a ref, the SVG is read from that
// figure, and the file is named after the chart kind; the data bar asks by kind, not by a label.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, createElement, createRef, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { AccuracyChart } from '../../src/charts/AccuracyChart';
import { LossChart } from '../../src/charts/LossChart';
import { DataBar } from '../../src/ui/DataBar';
import { chartSvg } from '../../src/ui/download';
import { chartFileName } from '../../src/ui/useChartExport';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

async function mount(element: ReactElement): Promise<HTMLElement> {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  await act(async () => root!.render(element));
  // recharts draws its axes from effects after mount.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  return host;
}

describe('chart refs', () => {
  it('hand each chart figure to its ref, and export reads the SVG from it', async () => {
    const loss = createRef<HTMLDivElement>();
    const accuracy = createRef<HTMLDivElement>();
    const common = { runs: [], smoothing: 0, stepsPerEpoch: 0, width: 400 };
    await mount(
      createElement('div', null, [
        createElement(LossChart, { key: 'l', ref: loss, logScale: false, ...common }),
        createElement(AccuracyChart, { key: 'a', ref: accuracy, ...common }),
      ]),
    );
    expect(loss.current?.getAttribute('aria-label')).toBe('Loss chart');
    expect(accuracy.current?.getAttribute('aria-label')).toBe('Accuracy chart');
    const svg = chartSvg(loss.current);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('fill="#ffffff"');
    expect(chartSvg(null)).toBeNull();
  });

  it('names files after the chart kind', () => {
    expect(chartFileName('loss', 'png', '2024-05-01-14-03-22')).toBe('loss-2024-05-01-14-03-22.png');
    expect(chartFileName('accuracy', 'svg', 'x')).toBe('accuracy-x.svg');
  });
});

describe('DataBar', () => {
  it('keeps its button names and asks for a chart by kind', async () => {
    const onExportChart = vi.fn();
    const host = await mount(
      createElement(DataBar, {
        overlayCount: 0,
        onExport: () => {},
        exporting: null,
        onExportChart,
        onImport: () => {},
        onClearAll: () => {},
      }),
    );
    const buttons = [...host.querySelectorAll('button')];
    const names = buttons.map((b) => b.textContent);
    expect(names).toEqual([
      'Export CSV',
      'Export JSON',
      'Loss PNG',
      'Loss SVG',
      'Accuracy PNG',
      'Accuracy SVG',
      'Import JSON',
      'Clear all',
    ]);
    await act(async () => buttons[2]!.click());
    await act(async () => buttons[5]!.click());
    expect(onExportChart.mock.calls).toEqual([
      ['loss', 'png'],
      ['accuracy', 'svg'],
    ]);
  });

  it('shows how far an export has got and takes no second one meanwhile', async () => {
    const onExport = vi.fn();
    const host = await mount(
      createElement(DataBar, {
        overlayCount: 0,
        onExport,
        exporting: 0.42,
        onExportChart: () => {},
        onImport: () => {},
        onClearAll: () => {},
      }),
    );
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Exporting… 42%');
    const csv = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV')!;
    expect(csv.disabled).toBe(true);
  });
});

// Chart images: the page holds a ref to each chart's figure, and export reads the SVG from it, so
// nothing depends on a label in the DOM. The file name says which chart it was.
import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { MetricChartProps } from '../charts/MetricChart';
import { chartSvg, downloadBlob, fileStamp, svgToPng } from './download';
import type { Notice } from './notice';

export type ChartKind = MetricChartProps['metric'];
export type ChartFormat = 'png' | 'svg';
export type ChartRefs = Readonly<Record<ChartKind, RefObject<HTMLDivElement | null>>>;

export function chartFileName(kind: ChartKind, format: ChartFormat, stamp: string): string {
  return `${kind}-${stamp}.${format}`;
}

export function useChartExport(addNotice: (n: Notice) => void) {
  const loss = useRef<HTMLDivElement>(null);
  const accuracy = useRef<HTMLDivElement>(null);
  const refs: ChartRefs = useMemo(() => ({ loss, accuracy }), []);

  const exportChart = useCallback(
    (kind: ChartKind, format: ChartFormat) => {
      const svg = chartSvg(refs[kind].current);
      if (!svg) return addNotice({ kind: 'export', tone: 'warning', title: (m) => m.data.nothingToExport });
      const name = chartFileName(kind, format, fileStamp());
      if (format === 'svg') return downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), name);
      svgToPng(svg).then(
        (png) => downloadBlob(png, name),
        (e: Error) => addNotice({ kind: 'export', tone: 'error', title: (m) => m.data.pngFailed(e.message) }),
      );
    },
    [refs, addNotice],
  );

  return { refs, exportChart };
}

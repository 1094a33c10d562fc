// Export, import and kept runs: every action reports through the page's notices, none can break it.
import { useRef } from 'react';
import type { ChartFormat, ChartKind } from './useChartExport';

const CHART_NAMES: Readonly<Record<ChartKind, string>> = { loss: 'Loss', accuracy: 'Accuracy' };
const EXPORTS: readonly (readonly [ChartKind, ChartFormat])[] = [
  ['loss', 'png'],
  ['loss', 'svg'],
  ['accuracy', 'png'],
  ['accuracy', 'svg'],
];

interface Props {
  overlayCount: number;
  onExport(kind: 'csv' | 'json'): void;
  onExportChart(kind: ChartKind, format: ChartFormat): void;
  onImport(file: File): void;
  onClearAll(): void;
}

export function DataBar({ overlayCount, onExport, onExportChart, onImport, onClearAll }: Props) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="databar" role="group" aria-label="Data">
      <button type="button" onClick={() => onExport('csv')}>
        Export CSV
      </button>
      <button type="button" onClick={() => onExport('json')}>
        Export JSON
      </button>
      {EXPORTS.map(([kind, format]) => (
        <button key={`${kind}-${format}`} type="button" onClick={() => onExportChart(kind, format)}>
          {CHART_NAMES[kind]} {format.toUpperCase()}
        </button>
      ))}
      <button type="button" onClick={() => file.current?.click()}>
        Import JSON
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Import JSON file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onImport(f);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        onClick={onClearAll}
        disabled={overlayCount === 0}
        title="Forget kept and imported runs"
      >
        Clear all
      </button>
    </div>
  );
}

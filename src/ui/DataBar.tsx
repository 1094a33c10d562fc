// Export, import and kept runs: every action reports through the page's notices, none can break it.
import { useRef } from 'react';

interface Props {
  overlayCount: number;
  onExport(kind: 'csv' | 'json'): void;
  onExportChart(chart: 'Loss chart' | 'Accuracy chart', format: 'png' | 'svg'): void;
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
      <button type="button" onClick={() => onExportChart('Loss chart', 'png')}>
        Loss PNG
      </button>
      <button type="button" onClick={() => onExportChart('Loss chart', 'svg')}>
        Loss SVG
      </button>
      <button type="button" onClick={() => onExportChart('Accuracy chart', 'png')}>
        Accuracy PNG
      </button>
      <button type="button" onClick={() => onExportChart('Accuracy chart', 'svg')}>
        Accuracy SVG
      </button>
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

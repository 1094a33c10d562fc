// Export, import, kept runs and the selected run's network: every action reports through the page's
// notices, none can break it.
import { useRef } from 'react';
import { useI18n } from '../i18n/I18n';
import type { ChartFormat, ChartKind } from './useChartExport';

const EXPORTS: readonly (readonly [ChartKind, ChartFormat])[] = [
  ['loss', 'png'],
  ['loss', 'svg'],
  ['accuracy', 'png'],
  ['accuracy', 'svg'],
];

interface Props {
  overlayCount: number;
  onExport(kind: 'csv' | 'json'): void;
  /** How far an export under way has got (0–1), or null. */
  exporting: number | null;
  onExportChart(kind: ChartKind, format: ChartFormat): void;
  onImport(file: File): void;
  onClearAll(): void;
  /** "Export PyTorch script": the experiment as trained, as a Python file. */
  onExportPytorch?(): void;
  /** "Download model": the selected run's name, its step, whether the files are being prepared. */
  model?: { run: string; step: number; preparing: boolean; start(): void } | null;
}

export function DataBar({
  overlayCount,
  onExport,
  exporting,
  onExportChart,
  onImport,
  onClearAll,
  onExportPytorch,
  model,
}: Props) {
  const file = useRef<HTMLInputElement>(null);
  const { m, f } = useI18n();
  const busy = exporting !== null;
  const d = m.data;
  const chartName = { loss: d.chartLoss, accuracy: d.chartAccuracy };
  return (
    <div className="databar" role="group" aria-label={d.region}>
      <button type="button" onClick={() => onExport('csv')} disabled={busy}>
        {d.exportCsv}
      </button>
      <button type="button" onClick={() => onExport('json')} disabled={busy}>
        {d.exportJson}
      </button>
      {busy && (
        <span className="databar-progress" role="status">
          {d.exporting(f.pct(exporting, 0))}
        </span>
      )}
      {EXPORTS.map(([kind, format]) => (
        <button key={`${kind}-${format}`} type="button" onClick={() => onExportChart(kind, format)}>
          {chartName[kind]} {format.toUpperCase()}
        </button>
      ))}
      {onExportPytorch && (
        <button type="button" onClick={onExportPytorch} title={d.exportPytorchTitle}>
          {d.exportPytorch}
        </button>
      )}
      {model && (
        <button
          type="button"
          onClick={model.start}
          disabled={model.preparing || model.step === 0}
          title={d.downloadModelTitle(model.run, f.int(model.step))}
        >
          {model.preparing ? d.preparingModel : d.downloadModel}
        </button>
      )}
      <button type="button" onClick={() => file.current?.click()}>
        {d.importJson}
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={d.importFile}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onImport(f);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={onClearAll} disabled={overlayCount === 0} title={d.clearAllTitle}>
        {d.clearAll}
      </button>
    </div>
  );
}

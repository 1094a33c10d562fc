// The charts column: loss and accuracy of every shown run and overlay, the data actions and the log
// of live changes. The page hands in a ref per chart so export reads the figure it drew.
import { useMemo } from 'react';
import { AccuracyChart } from '../charts/AccuracyChart';
import { LossChart } from '../charts/LossChart';
import type { SessionSnapshot } from '../client/session';
import type { RunSpec } from '../experiment/types';
import { ChangeLog } from './ChangeLog';
import { DataBar } from './DataBar';
import { chartRunsOf, replaySteps } from './runViews';
import type { DisplayOptions } from './SettingsPanel';
import type { ChartFormat, ChartKind, ChartRefs } from './useChartExport';
import type { useDataActions } from './useDataActions';
import { useLagged } from './useLagged';

interface Props {
  snap: SessionSnapshot;
  runs: RunSpec[];
  display: DisplayOptions;
  /** The figures export reads from: one ref per chart kind. */
  lossRef: ChartRefs['loss'];
  accuracyRef: ChartRefs['accuracy'];
  data: ReturnType<typeof useDataActions>;
  onExportChart(kind: ChartKind, format: ChartFormat): void;
  onForgetChanges(): void;
  /** The runs as the last Reset set them up: their changes ahead of the current step are replays. */
  trainedRuns: readonly RunSpec[];
}

export function ChartsSection({
  snap,
  runs,
  display,
  lossRef,
  accuracyRef,
  data,
  onExportChart,
  onForgetChanges,
  trainedRuns,
}: Props) {
  // The accuracy chart redraws one task after the loss chart: two shorter tasks instead of one long one.
  const accuracyVersion = useLagged(snap.version);
  const chartRuns = useMemo(
    () => chartRunsOf(runs, snap.lanes, data.overlays),
    [runs, snap.lanes, data.overlays],
  );
  const emptyHint = snap.dataReady ? 'Press Start to train' : 'Loading MNIST…';
  return (
    <section className="charts">
      <LossChart
        ref={lossRef}
        runs={chartRuns}
        smoothing={display.smoothing}
        logScale={display.logScale}
        stepsPerEpoch={snap.stepsPerEpoch}
        version={snap.version}
        emptyHint={emptyHint}
      />
      <AccuracyChart
        ref={accuracyRef}
        runs={chartRuns}
        smoothing={display.smoothing}
        stepsPerEpoch={snap.stepsPerEpoch}
        version={accuracyVersion}
        emptyHint={emptyHint}
      />
      <DataBar
        overlayCount={data.overlays.length}
        onExport={data.exportData}
        onExportChart={onExportChart}
        onImport={data.importFile}
        onClearAll={data.clearAll}
      />
      <ChangeLog
        runs={runs}
        upTo={snap.step}
        replaying={replaySteps(trainedRuns)}
        recoveries={snap.recoveries}
        onForget={onForgetChanges}
      />
    </section>
  );
}

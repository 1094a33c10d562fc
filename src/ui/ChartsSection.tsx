// The charts column: loss and accuracy of every shown run and overlay, the data actions and the log
// of live changes. The page hands in a ref per chart so export reads the figure it drew.
import { useMemo, useRef } from 'react';
import { AccuracyChart } from '../charts/AccuracyChart';
import { InternalsChart } from '../charts/InternalsChart';
import { LossChart } from '../charts/LossChart';
import type { SessionSnapshot } from '../client/session';
import { UpdateEquations } from '../equations/UpdateEquations';
import type { RunSpec } from '../experiment/types';
import type { TraceTarget } from '../shared/trace';
import type { ModelName } from '../shared/model';
import { ChangeLog } from './ChangeLog';
import { DataBar } from './DataBar';
import { chartRunsOf, internalsRunsOf, replaySteps } from './runViews';
import type { DisplayOptions } from './SettingsPanel';
import type { ChartFormat, ChartKind, ChartRefs } from './useChartExport';
import type { useDataActions } from './useDataActions';
import { useI18n } from '../i18n/I18n';
import { useLagged } from './useLagged';
import { useHeldWhile, useInView } from './useInView';

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
  /** Projector view: big charts, no data bar. */
  projector: boolean;
  /** The run whose update the equations write out, and the weight they follow. */
  selectedId: string;
  followTarget: TraceTarget;
  onFollow(target: TraceTarget): void;
  /** The network the last Reset set up: the weight picker's unit range follows it. */
  model: ModelName;
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
  projector,
  selectedId,
  followTarget,
  onFollow,
  model,
}: Props) {
  const { m } = useI18n();
  const chartRuns = useMemo(
    () => chartRunsOf(runs, snap.lanes, data.overlays, m),
    [runs, snap.lanes, data.overlays, m],
  );
  const internalsRuns = useMemo(() => internalsRunsOf(runs, snap.lanes, m), [runs, snap.lanes, m]);
  // Each chart redraws in a frame of its own, after the page's own render: loss, then accuracy, then
  // the instruments, with new points and new live-change markers alike. While training, a chart out of
  // view keeps what it showed, so it does not redraw, until it is scrolled back into view; paused, it
  // catches up.
  const live = (inView: boolean) => inView || snap.state !== 'running';
  const internalsRef = useRef<HTMLDivElement>(null);
  const shown = useMemo(
    () => ({ version: snap.version, chartRuns, internalsRuns }),
    [snap.version, chartRuns, internalsRuns],
  );
  const lossLag = useLagged(shown);
  const accuracyLag = useLagged(lossLag);
  const loss = useHeldWhile(lossLag, live(useInView(lossRef)));
  const accuracy = useHeldWhile(accuracyLag, live(useInView(accuracyRef)));
  const internals = useHeldWhile(useLagged(accuracyLag), live(useInView(internalsRef)));
  // The equations typeset every traced step with KaTeX: out of view they keep the last one shown.
  const equationsRef = useRef<HTMLElement>(null);
  const trace = useHeldWhile(snap.lanes[selectedId]?.trace ?? null, live(useInView(equationsRef)));
  const replaying = useMemo(() => replaySteps(trainedRuns), [trainedRuns]);
  // Past the last replayed change nothing is upcoming, so the log need not follow every step.
  const lastReplay = Math.max(0, ...[...replaying.values()].flatMap((steps) => [...steps]));
  const emptyHint = snap.dataReady ? m.charts.pressStart : m.charts.loading;
  return (
    <section className="charts">
      <LossChart
        ref={lossRef}
        runs={loss.chartRuns}
        smoothing={display.smoothing}
        logScale={display.logScale}
        stepsPerEpoch={snap.stepsPerEpoch}
        version={loss.version}
        emptyHint={emptyHint}
        large={projector}
      />
      <AccuracyChart
        ref={accuracyRef}
        runs={accuracy.chartRuns}
        smoothing={display.smoothing}
        stepsPerEpoch={snap.stepsPerEpoch}
        version={accuracy.version}
        emptyHint={emptyHint}
        large={projector}
      />
      {!projector && (
        <InternalsChart ref={internalsRef} runs={internals.internalsRuns} version={internals.version} />
      )}
      {/* Not in the projector view: the charts and live controls fill its screen without scrolling. */}
      {!projector && (
        <UpdateEquations
          ref={equationsRef}
          trace={trace}
          target={followTarget}
          onFollow={onFollow}
          model={model}
        />
      )}
      {!projector && (
        <DataBar
          overlayCount={data.overlays.length}
          onExport={data.exportData}
          exporting={data.exporting}
          onExportChart={onExportChart}
          onImport={data.importFile}
          onClearAll={data.clearAll}
          onExportPytorch={data.exportPytorch}
          model={data.modelDownload}
        />
      )}
      <ChangeLog
        runs={runs}
        upTo={Math.min(snap.step, lastReplay)}
        replaying={replaying}
        recoveries={snap.recoveries}
        onForget={onForgetChanges}
      />
    </section>
  );
}

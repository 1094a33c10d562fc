// The standard view: status, runs, the settings beside the charts and instruments, what the model
// learned, and the Tune panel.
import { InsightSection } from '../insight/InsightSection';
import { TunePanel } from '../tune/TunePanel';
import { downloadStamped } from './download';
import { PageCharts, TabbedLayout } from './pageParts';
import { StatusPanel } from './StatusPanel';
import type { Playground } from './usePlayground';

export function StandardView({ page: p }: { page: Playground }) {
  const { snap, experiment, selected } = p;
  return (
    <>
      <StatusPanel
        snap={snap}
        lane={snap.lanes[selected.id]}
        runName={experiment.runs.length > 1 ? selected.name : null}
        model={p.run.trainedShared.model}
        data={p.run.trainedShared}
      />
      <TabbedLayout page={p}>
        <PageCharts page={p} projector={false} />
        <InsightSection
          ask={p.training.ask}
          listen={p.training.listenInsight}
          runId={snap.runId}
          lane={selected.id in snap.lanes ? selected.id : null}
          step={snap.step}
          stepsPerEpoch={snap.stepsPerEpoch}
          dataReady={snap.dataReady}
          dataComplete={snap.dataComplete}
        />
      </TabbedLayout>
      <TunePanel
        tune={p.training.tune}
        shared={experiment.shared}
        run={{ name: selected.name, settings: p.settings }}
        runCount={experiment.runs.length}
        ready={snap.dataComplete && !snap.fatal}
        onChange={p.onChange}
        searchForm={p.tune}
        onSearchForm={p.setTune}
        onLoadRun={p.addRun}
        onDownload={downloadStamped}
      />
    </>
  );
}

// Sections more than one view shows, bound to the page's wiring: the run list, the settings and the
// charts column.
import type { ReactNode } from 'react';
import { ChartsSection } from './ChartsSection';
import { RunList } from './RunList';
import { optimizersAt, pendingIdsOf } from './runViews';
import { SettingsPanel } from './SettingsPanel';
import type { Playground } from './usePlayground';
import { VIEW_PANEL_ID, ViewTabs } from './ViewTabs';

export function PageRunList({ page: p }: { page: Playground }) {
  return (
    <RunList
      runs={p.experiment.runs}
      optimizers={optimizersAt(p.experiment.runs, p.drafts, p.snap.step)}
      lanes={p.snap.lanes}
      selectedId={p.selected.id}
      pendingIds={pendingIdsOf(p.experiment.runs, p.run.laneIds)}
      onSelect={p.select}
      {...p.runActions}
    />
  );
}

export function PageSettings({ page: p, compact }: { page: Playground; compact: boolean }) {
  return (
    <SettingsPanel
      config={p.config}
      shared={p.experiment.shared}
      runShared={p.run.trainedShared}
      display={p.display}
      onChange={p.onChange}
      onDisplay={p.setDisplay}
      compact={compact}
    />
  );
}

export function PageCharts({ page: p, projector }: { page: Playground; projector: boolean }) {
  return (
    <ChartsSection
      snap={p.snap}
      runs={p.experiment.runs}
      display={p.display}
      lossRef={p.charts.refs.loss}
      accuracyRef={p.charts.refs.accuracy}
      data={p.data}
      onExportChart={p.charts.exportChart}
      onForgetChanges={p.run.forgetChanges}
      trainedRuns={p.run.trainedRuns}
      projector={projector}
      selectedId={p.selected.id}
      followTarget={p.followTarget}
      onFollow={p.onFollow}
      model={p.run.trainedShared.model}
    />
  );
}

/** The standard and lab views: the run list and view tabs above the settings and `children`. */
export function TabbedLayout({ page: p, children }: { page: Playground; children: ReactNode }) {
  return (
    <>
      <PageRunList page={p} />
      <ViewTabs view={p.view} onView={p.setView} />
      <main className="layout" id={VIEW_PANEL_ID}>
        <aside>
          <PageSettings page={p} compact={false} />
        </aside>
        {children}
      </main>
    </>
  );
}

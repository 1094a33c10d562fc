// The projector view: the run table and live controls beside two large charts, all of it on one
// 1280×720 screen.
import { PageCharts, PageSettings } from './pageParts';
import { ProjectorStatus } from './ProjectorStatus';
import type { Playground } from './usePlayground';
import { VIEW_PANEL_ID } from './ViewTabs';

export function ProjectorView({ page: p }: { page: Playground }) {
  const { snap, selected } = p;
  return (
    <main className="layout" id={VIEW_PANEL_ID}>
      <aside>
        {/* Beside the charts, so the charts keep the screen's height. */}
        <ProjectorStatus
          snap={snap}
          runs={p.experiment.runs}
          selectedId={selected.id}
          lane={snap.lanes[selected.id]}
          onSelect={p.select}
          model={p.run.trainedShared.model}
        />
        <PageSettings page={p} compact />
      </aside>
      <PageCharts page={p} projector />
    </main>
  );
}

// The 2-D lab view: the runs and their settings beside the lab, which walks the same update rules on
// small surfaces.
import { LabView } from '../lab/LabView';
import { PageRunList, PageSettings } from './pageParts';
import { downloadStamped } from './download';
import type { Playground } from './usePlayground';
import { VIEW_PANEL_ID, ViewTabs } from './ViewTabs';

export function LabPage({ page: p }: { page: Playground }) {
  return (
    <>
      <PageRunList page={p} />
      <ViewTabs view={p.view} onView={p.setView} />
      <main className="layout" id={VIEW_PANEL_ID}>
        <aside>
          <PageSettings page={p} compact={false} />
        </aside>
        <LabView
          runs={p.labRuns}
          lab={p.lab}
          seed={p.experiment.shared.seed}
          onLabChange={p.setLab}
          onDownload={downloadStamped}
        />
      </main>
    </>
  );
}

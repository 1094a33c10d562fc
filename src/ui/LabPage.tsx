// The 2-D lab view: the runs and their settings beside the lab, which walks the same update rules on
// small surfaces.
import { LabView } from '../lab/LabView';
import { TabbedLayout } from './pageParts';
import { downloadStamped } from './download';
import type { Playground } from './usePlayground';

export function LabPage({ page: p }: { page: Playground }) {
  return (
    <TabbedLayout page={p}>
      <LabView
        runs={p.labRuns}
        lab={p.lab}
        seed={p.experiment.shared.seed}
        onLabChange={p.setLab}
        onDownload={downloadStamped}
      />
    </TabbedLayout>
  );
}

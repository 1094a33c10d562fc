// Page composition: the wiring every view shares (usePlayground), the frame around them, and the view
// the page shows. Holds no logic of its own; every number comes from the worker.
import type { ParsedLocation } from '../client/urlState';
import { LabPage } from './LabPage';
import { PageFrame } from './PageFrame';
import { ProjectorView } from './ProjectorView';
import { StandardView } from './StandardView';
import { usePlayground } from './usePlayground';

/** `initial`: the link the page was opened with (main.tsx reads it once, before the first render). */
export function App({ initial }: { initial: ParsedLocation }) {
  const page = usePlayground(initial);
  const View = { default: StandardView, projector: ProjectorView, lab: LabPage }[page.view];
  return (
    <PageFrame page={page}>
      <View page={page} />
    </PageFrame>
  );
}

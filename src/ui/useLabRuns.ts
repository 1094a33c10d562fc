// The runs as the 2-D lab walks them: each with the settings it shows now (drafts included) from step 1
// and no timeline, so dragging η redraws the whole path. The same array while those settings stay the
// same, so MNIST training (a new step several times a second) never makes the lab recompute.
import { useMemo } from 'react';
import type { Drafts } from '../client/useExperiment';
import type { RunSpec } from '../experiment/types';
import { settingsShown } from './runViews';

export function useLabRuns(
  runs: readonly RunSpec[],
  drafts: Drafts,
  laneIds: ReadonlySet<string>,
  step: number,
): RunSpec[] {
  const shown = runs.map((r) => ({
    ...r,
    initial: settingsShown(r, laneIds.has(r.id), step, drafts[r.id]),
    timeline: [],
  }));
  const key = JSON.stringify(shown);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is `shown`'s content
  return useMemo(() => shown, [key]);
}

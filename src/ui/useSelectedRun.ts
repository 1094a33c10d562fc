// The run the settings panel edits: its id (falling back to the first run when it is removed) and its
// settings as shown (drafts on top until the record catches up), also kept in a ref so a coalesced drag
// can read where it started.
import { useEffect, useRef, useState } from 'react';
import type { useExperiment } from '../client/useExperiment';
import { settingsShown } from './runViews';

export function useSelectedRun(
  exp: ReturnType<typeof useExperiment>,
  step: number,
  laneIds: ReadonlySet<string>,
) {
  const { experiment, drafts, settleDrafts } = exp;
  const [selectedId, select] = useState(experiment.runs[0]!.id);
  const selected = experiment.runs.find((r) => r.id === selectedId) ?? experiment.runs[0]!;
  const hasLane = laneIds.has(selected.id);
  const settings = settingsShown(selected, hasLane, step, drafts[selected.id]);
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  });
  // A draft goes once the recorded settings at the published step show its value: not at the
  // worker's acknowledgement, when the page's step may still be short of the change's.
  useEffect(() => {
    for (const r of experiment.runs)
      if (drafts[r.id]) settleDrafts(r.id, settingsShown(r, laneIds.has(r.id), step));
  }, [experiment.runs, drafts, laneIds, step, settleDrafts]);
  return { selected, select, settings, settingsRef };
}

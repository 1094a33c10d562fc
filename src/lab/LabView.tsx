// The 2-D optimizer lab: the experiment's runs walk a surface you can see, with the optimizer code
// that trains MNIST. Props in, callbacks out; the paths are recomputed only when runs or lab change.
import { useId, useMemo, useState } from 'react';
import type { RunSpec } from '../experiment/types';
import { useI18n } from '../i18n/I18n';
import { drawnPaths } from './drawn';
import { buildPathExport, pathExportJson, pathExportName } from './exportPath';
import { LabControls } from './LabControls';
import { LabLossChart } from './LabLossChart';
import { LabSummary } from './LabSummary';
import { LabSurface } from './LabSurface';
import { computePathsCached, type PathCache } from './paths';
import { plotOf } from './plot';
import type { LabSettings } from './settings';
import { surfaceOf } from './surfaces';
import { usePlayback } from './usePlayback';
import { useSettled } from './useSettled';
import './lab.css';

/** How long the paths must stay still before the loss chart redraws. */
const CHART_SETTLE_MS = 150;

export interface LabViewProps {
  /** The experiment's runs; hidden ones are not walked. */
  runs: readonly RunSpec[];
  lab: LabSettings;
  /** The experiment's seed: the noisy quadratic's gradient noise is drawn from it. */
  seed: number;
  onLabChange(next: LabSettings): void;
  /** Saves a file: the page's download helper (`name` gets the page's time stamp). */
  onDownload(blob: Blob, name: (stamp: string) => string): void;
}

export function LabView({ runs, lab, seed, onLabChange, onDownload }: LabViewProps) {
  const { m } = useI18n();
  const summaryId = useId();
  const [logScale, setLogScale] = useState(true);
  const surface = useMemo(() => surfaceOf(lab.surface, lab.kappa), [lab.surface, lab.kappa]);
  const plot = useMemo(() => plotOf(surface.frame), [surface]);
  // A memo of the paths walked so far, per run: one object for the component's life.
  const [cache] = useState<PathCache>(() => new Map());
  const paths = useMemo(() => computePathsCached(cache, runs, lab, seed), [cache, runs, lab, seed]);
  const drawn = useMemo(() => drawnPaths(runs, paths), [runs, paths]);
  const playback = usePlayback(lab.steps);
  // The loss chart waits until a drag pauses: recharts schedules its store updates in animation
  // frames, so a chart render during a drag would land in the very frame that paints the new path.
  const chart = {
    drawn: useSettled(drawn, CHART_SETTLE_MS),
    surface: useSettled(surface, CHART_SETTLE_MS),
    steps: useSettled(lab.steps, CHART_SETTLE_MS),
    shown: useSettled(playback.shown, CHART_SETTLE_MS),
  };

  const exportJson = () => {
    const text = pathExportJson(buildPathExport(lab, runs, paths));
    onDownload(new Blob([text], { type: 'application/json' }), (stamp) => pathExportName(lab, stamp));
  };

  return (
    <section className="lab" aria-label={m.lab.title}>
      <p className="lab-intro">{m.lab.intro}</p>
      <div className="lab-main">
        <div className="lab-figure">
          <LabSurface
            lab={lab}
            surface={surface}
            plot={plot}
            drawn={drawn}
            shown={playback.shown}
            describedBy={summaryId}
            onLabChange={onLabChange}
          />
          <p className="lab-hint">{m.lab.plotHint}</p>
        </div>
        <LabControls lab={lab} playback={playback} onLabChange={onLabChange} />
      </div>
      <LabLossChart {...chart} logScale={logScale} />
      <div className="lab-actions">
        <label className="lab-toggle">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
          {m.lab.logScale}
        </label>
        <button type="button" onClick={exportJson} disabled={drawn.length === 0}>
          {m.lab.exportJson}
        </button>
      </div>
      <LabSummary id={summaryId} drawn={drawn} surface={surface} lab={lab} />
    </section>
  );
}

// Runs and lab settings for the lab tests: a run from the page's defaults with a few settings changed.
import { defaultSettings, runFromSettings } from '../../src/experiment/runs';
import type { RunSpec } from '../../src/experiment/types';
import { defaultLab, type LabSettings } from '../../src/lab/settings';
import type { SurfaceName } from '../../src/lab/surfaces';
import type { RunSettings, TimelineEntry } from '../../src/shared/settings';

export function makeRun(
  settings: Partial<RunSettings>,
  timeline: TimelineEntry[] = [],
  id = settings.optimizer ?? 'run',
): RunSpec {
  return { ...runFromSettings({ ...defaultSettings(), ...settings }, 0, id), timeline };
}

export function makeLab(surface: SurfaceName, changes: Partial<LabSettings> = {}): LabSettings {
  return { ...defaultLab(surface), ...changes };
}

/** makeLab walking every run at its own η (eta=run): for tests that give the η a path must use. */
export function ownEtaLab(surface: SurfaceName, changes: Partial<LabSettings> = {}): LabSettings {
  return makeLab(surface, { eta: 'run', ...changes });
}

/** The largest |a − b| / |b| over the points where |b| is at least `floor`; where b is 0, a must be too. */
export function worstRelative(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  count: number,
  floor: number,
): number {
  let worst = 0;
  for (let i = 0; i < count; i++) {
    const scale = Math.abs(b[i]!);
    if (scale === 0) worst = Math.max(worst, a[i] === 0 ? 0 : Infinity);
    else if (scale >= floor) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / scale);
  }
  return worst;
}

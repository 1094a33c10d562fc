// The lab's settings: surface, which η the runs walk with, condition number κ (quadratics), gradient
// noise σ (noisy quadratic), the start typed as numbers, and the step count with its play control.
import { useId } from 'react';
import { useI18n } from '../i18n/I18n';
import { LabEtaChoice } from './LabEtaChoice';
import { LabNumberField } from './LabNumberField';
import { LabSlider } from './LabSlider';
import { clampLab, labRange, withSurface, type LabNumberKey, type LabSettings } from './settings';
import { isSurfaceName, surfaceOf, SURFACES } from './surfaces';
import type { Playback } from './usePlayback';

interface Props {
  lab: LabSettings;
  playback: Playback;
  onLabChange(next: LabSettings): void;
}

/** Slider positions per decade of κ. */
const KAPPA_STEPS = 100;
const NOISE_STEP = 0.1;

/** κ from its slider position, to three significant digits (links stay short). */
const kappaAt = (position: number) => Number((10 ** (position / KAPPA_STEPS)).toPrecision(3));

export function LabControls({ lab, playback, onLabChange }: Props) {
  const { m, f } = useI18n();
  const surfaceId = useId();
  const surface = surfaceOf(lab.surface, lab.kappa);
  const set = (key: LabNumberKey, value: number) => {
    const v = clampLab(key, value, lab.surface);
    if (v !== null && v !== lab[key]) onLabChange({ ...lab, [key]: v });
  };
  const kappaRange = labRange('kappa', lab.surface);
  const stepsRange = labRange('steps', lab.surface);

  return (
    <div className="lab-controls">
      <div className="control">
        <label htmlFor={surfaceId}>{m.lab.surface}</label>
        <select
          id={surfaceId}
          value={lab.surface}
          onChange={(e) => isSurfaceName(e.target.value) && onLabChange(withSurface(lab, e.target.value))}
        >
          {SURFACES.map((s) => (
            <option key={s} value={s}>
              {m.lab.surfaces[s]}
            </option>
          ))}
        </select>
        <p className="lab-formula">{m.lab.formulas[lab.surface]}</p>
      </div>
      <LabEtaChoice eta={lab.eta} onChange={(eta) => onLabChange({ ...lab, eta })} />
      {surface.usesKappa && (
        <LabSlider
          label={m.lab.kappa}
          min={Math.log10(kappaRange.min) * KAPPA_STEPS}
          max={Math.log10(kappaRange.max) * KAPPA_STEPS}
          step={1}
          position={Math.round(Math.log10(lab.kappa) * KAPPA_STEPS)}
          valueText={f.fixed(lab.kappa, lab.kappa < 10 ? 2 : lab.kappa < 100 ? 1 : 0)}
          onChange={(p) => set('kappa', kappaAt(p))}
        />
      )}
      {surface.noisy && (
        <LabSlider
          label={m.lab.noise}
          min={labRange('noise', lab.surface).min}
          max={labRange('noise', lab.surface).max}
          step={NOISE_STEP}
          position={lab.noise}
          valueText={f.fixed(lab.noise, 1)}
          onChange={(v) => set('noise', Number(v.toFixed(1)))}
        />
      )}
      <div className="lab-start-fields">
        <LabNumberField label={m.lab.startX} value={lab.x0} onCommit={(v) => set('x0', v)} />
        <LabNumberField label={m.lab.startY} value={lab.y0} onCommit={(v) => set('y0', v)} />
      </div>
      <LabSlider
        label={m.lab.steps}
        min={stepsRange.min}
        max={stepsRange.max}
        step={1}
        position={lab.steps}
        valueText={f.int(lab.steps)}
        onChange={(v) => set('steps', v)}
      />
      <div className="lab-play">
        <button type="button" onClick={playback.toggle}>
          {playback.playing ? m.lab.pause : m.lab.play}
        </button>
        <span className="lab-playhead" aria-live="off">
          {m.lab.playhead(f.int(playback.shown), f.int(lab.steps))}
        </span>
      </div>
    </div>
  );
}

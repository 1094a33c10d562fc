// All settings, grouped by when they apply: live hyperparameters, the run setup (on Reset), the display.
import { usedBy } from '../config/schema';
import { useI18n } from '../i18n/I18n';
import {
  OPTIMIZERS,
  settingChange,
  type RunConfig,
  type SettingChange,
  type SharedSettings,
} from '../shared/settings';
import { ChoiceControl } from './ChoiceControl';
import { NumberControl } from './NumberControl';
import { SetupSettings } from './SetupSettings';
import { DataSettings } from './DataSettings';
import { ToggleControl } from './ToggleControl';
import { RegularizeControls } from './RegularizeControls';

export interface DisplayOptions {
  smoothing: number;
  logScale: boolean;
}

interface Props {
  config: RunConfig;
  /** The shared settings as edited: their own object, so a live slider key leaves the setup alone. */
  shared: SharedSettings;
  /** The shared settings the current run was created with; those that differ apply on Reset. */
  runShared: SharedSettings;
  display: DisplayOptions;
  onChange(change: SettingChange): void;
  onDisplay(d: DisplayOptions): void;
  /** Projector view: only the live settings the optimizer uses. */
  compact?: boolean;
}

export function SettingsPanel({
  config,
  shared,
  runShared,
  display,
  onChange,
  onDisplay,
  compact = false,
}: Props) {
  const { m } = useI18n();
  const s = m.settings;
  const used = usedBy(config.optimizer);
  const numeric = (k: 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'momentum') =>
    (!compact || used.has(k)) && (
      <NumberControl
        field={k}
        value={config[k]}
        disabled={!used.has(k)}
        onChange={(v) => onChange(settingChange(k, v))}
      />
    );
  return (
    <div className="settings">
      <fieldset>
        <legend>{s.live}</legend>
        <ChoiceControl
          label={s.fields.optimizer}
          value={config.optimizer}
          options={OPTIMIZERS}
          names={s.optimizers}
          onChange={(v) => onChange(settingChange('optimizer', v))}
        />
        {numeric('learningRate')}
        {numeric('beta1')}
        {numeric('beta2')}
        {numeric('epsilon')}
        {(!compact || used.has('biasCorrection')) && (
          <ToggleControl
            label={s.fields.biasCorrection}
            checked={config.biasCorrection}
            disabled={!used.has('biasCorrection')}
            onChange={(v) => onChange(settingChange('biasCorrection', v))}
          />
        )}
        {numeric('momentum')}
        {(!compact || used.has('nesterov')) && (
          <ToggleControl
            label={s.fields.nesterov}
            checked={config.nesterov}
            disabled={!used.has('nesterov')}
            onChange={(v) => onChange(settingChange('nesterov', v))}
          />
        )}
        <RegularizeControls config={config} onChange={onChange} compact={compact} />
      </fieldset>
      {!compact && (
        <>
          <SetupSettings config={shared} runConfig={runShared} onChange={onChange} />
          <DataSettings config={shared} runConfig={runShared} onChange={onChange} />
          <fieldset>
            <legend>{s.display}</legend>
            <SmoothingControl
              label={s.smoothing}
              value={display.smoothing}
              onChange={(smoothing) => onDisplay({ ...display, smoothing })}
            />
            <ToggleControl
              label={s.logScale}
              checked={display.logScale}
              onChange={(logScale) => onDisplay({ ...display, logScale })}
            />
          </fieldset>
        </>
      )}
    </div>
  );
}

function SmoothingControl({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange(v: number): void;
}) {
  return (
    <div className="control">
      <label htmlFor="smoothing">{label}</label>
      <div className="control-row">
        <input
          id="smoothing"
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={value}
          aria-label={label}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <span className="control-value">{value.toFixed(2)}</span>
      </div>
    </div>
  );
}

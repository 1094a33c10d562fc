// All settings, grouped by when they apply: live hyperparameters, the run setup (on Reset), the display.
import { FIELDS, usedBy, type FieldKey } from '../config/schema';
import { OPTIMIZERS, settingChange, type RunConfig, type SettingChange } from '../shared/settings';
import { formatValue } from '../config/sliders';
import { OPTIMIZER_LABELS } from '../experiment/runs';
import { ChoiceControl } from './ChoiceControl';
import { NumberControl } from './NumberControl';
import { ToggleControl } from './ToggleControl';

export interface DisplayOptions {
  smoothing: number;
  logScale: boolean;
}

interface Props {
  config: RunConfig;
  /** The settings the current run was created with; structural fields that differ apply on Reset. */
  runConfig: RunConfig;
  display: DisplayOptions;
  onChange(change: SettingChange): void;
  onDisplay(d: DisplayOptions): void;
}

const PREP_NAMES = {
  scale: 'Scale to [0, 1]',
  standardize: 'Standardize (mean 0, std 1)',
  none: 'None (raw 0–255)',
} as const;

export function SettingsPanel({ config, runConfig, display, onChange, onDisplay }: Props) {
  const used = usedBy(config.optimizer);
  const pending = (k: FieldKey) =>
    config[k] !== runConfig[k] ? `Applies on Reset (run uses ${formatValue(k, runConfig[k])})` : undefined;
  const numeric = (k: 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'momentum') => (
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
        <legend>Optimizer · live</legend>
        <ChoiceControl
          label={FIELDS.optimizer.label}
          value={config.optimizer}
          options={OPTIMIZERS}
          names={OPTIMIZER_LABELS}
          onChange={(v) => onChange(settingChange('optimizer', v))}
        />
        {numeric('learningRate')}
        {numeric('beta1')}
        {numeric('beta2')}
        {numeric('epsilon')}
        {numeric('momentum')}
        <ToggleControl
          label={FIELDS.nesterov.label}
          checked={config.nesterov}
          disabled={!used.has('nesterov')}
          onChange={(v) => onChange(settingChange('nesterov', v))}
        />
      </fieldset>
      <fieldset>
        <legend>Run setup · applies on Reset</legend>
        <NumberControl
          field="batchSize"
          value={config.batchSize}
          slider={false}
          hint={pending('batchSize')}
          onChange={(v) => onChange(settingChange('batchSize', v))}
        />
        <NumberControl
          field="epochs"
          value={config.epochs}
          slider={false}
          hint={pending('epochs')}
          onChange={(v) => onChange(settingChange('epochs', v))}
        />
        <ChoiceControl
          label={FIELDS.preprocessing.label}
          value={config.preprocessing}
          options={FIELDS.preprocessing.options}
          names={PREP_NAMES}
          hint={pending('preprocessing')}
          onChange={(v) => onChange(settingChange('preprocessing', v))}
        />
        <NumberControl
          field="seed"
          value={config.seed}
          slider={false}
          hint={pending('seed')}
          onChange={(v) => onChange(settingChange('seed', v))}
        />
      </fieldset>
      <fieldset>
        <legend>Display</legend>
        <SmoothingControl
          value={display.smoothing}
          onChange={(smoothing) => onDisplay({ ...display, smoothing })}
        />
        <ToggleControl
          label="Log scale"
          checked={display.logScale}
          onChange={(logScale) => onDisplay({ ...display, logScale })}
        />
      </fieldset>
    </div>
  );
}

function SmoothingControl({ value, onChange }: { value: number; onChange(v: number): void }) {
  return (
    <div className="control">
      <label htmlFor="smoothing">Smoothing</label>
      <div className="control-row">
        <input
          id="smoothing"
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={value}
          aria-label="Smoothing"
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <span className="control-value">{value.toFixed(2)}</span>
      </div>
    </div>
  );
}

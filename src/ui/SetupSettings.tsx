// The run setup, settings that apply on Reset because they change the data, the batches or the
// network: batch size, epochs, preprocessing, seed, the model and its activation.
import { memo } from 'react';
import { FIELDS } from '../config/schema';
import { valueText } from '../config/sliders';
import { useI18n } from '../i18n/I18n';
import { ACTIVATIONS } from '../shared/model';
import { settingChange, type SettingChange, type SharedKey, type SharedSettings } from '../shared/settings';
import { ChoiceControl } from './ChoiceControl';
import { activationNote } from './modelChoice';
import { ModelControl } from './ModelControl';
import { NumberControl } from './NumberControl';

interface Props {
  /** The shared settings as edited (the same object until one of them changes). */
  config: SharedSettings;
  /** The shared settings the current run was created with; a field that differs applies on Reset. */
  runConfig: SharedSettings;
  onChange(change: SettingChange): void;
}

// memo: a slider key re-renders its control, not this section (its props do not change).
export const SetupSettings = memo(function SetupSettings({ config, runConfig, onChange }: Props) {
  const { m } = useI18n();
  const s = m.settings;
  const pending = (k: SharedKey) =>
    config[k] !== runConfig[k] ? s.appliesOnReset(valueText(k, runConfig[k])(m)) : undefined;
  const unused = activationNote(config.model);
  return (
    <fieldset>
      <legend>{s.setup}</legend>
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
        label={s.fields.preprocessing}
        value={config.preprocessing}
        options={FIELDS.preprocessing.options}
        names={s.preprocessings}
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
      <ModelControl
        value={config.model}
        hint={pending('model')}
        onChange={(v) => onChange(settingChange('model', v))}
      />
      {/* Kept, not reset, when the model has no use for it: switching back to an MLP restores it. */}
      <ChoiceControl
        label={s.fields.activation}
        value={config.activation}
        options={ACTIVATIONS}
        names={s.activations}
        disabled={unused !== null}
        hint={unused ? unused(m) : pending('activation')}
        onChange={(v) => onChange(settingChange('activation', v))}
      />
    </fieldset>
  );
});

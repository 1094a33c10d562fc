// The data lever (the origin article's first): how many training images, how many wrong labels, and
// dropout. Shared by every run and applied on Reset, like the rest of the run setup.
import { memo } from 'react';
import { valueText } from '../config/sliders';
import { useI18n } from '../i18n/I18n';
import { subsetSize, wrongLabelCount } from '../shared/dataLever';
import { TRAIN_COUNT } from '../shared/mnist';
import { modelSpec } from '../shared/model';
import { settingChange, type SettingChange, type SharedKey, type SharedSettings } from '../shared/settings';
import { NumberControl } from './NumberControl';

interface Props {
  /** The shared settings as edited (the same object until one of them changes). */
  config: SharedSettings;
  /** The shared settings the current run was created with; a field that differs applies on Reset. */
  runConfig: SharedSettings;
  onChange(change: SettingChange): void;
}

// memo: a slider key re-renders its control, not this section (its props do not change).
export const DataSettings = memo(function DataSettings({ config, runConfig, onChange }: Props) {
  const { m } = useI18n();
  const s = m.settings;
  const f = m.format;
  const pending = (k: SharedKey) =>
    config[k] !== runConfig[k] ? s.appliesOnReset(valueText(k, runConfig[k])(m)) : undefined;
  const size = subsetSize(TRAIN_COUNT, config.trainImages);
  const wrong = wrongLabelCount(size, config.labelNoise);
  const cnn = modelSpec(config.model).kind === 'cnn';
  return (
    <fieldset>
      <legend>{s.data}</legend>
      <NumberControl
        field="trainImages"
        value={config.trainImages}
        slider={false}
        hint={pending('trainImages') ?? s.trainImagesHint(f.int(TRAIN_COUNT))}
        onChange={(v) => onChange(settingChange('trainImages', v))}
      />
      <NumberControl
        field="labelNoise"
        value={config.labelNoise}
        hint={pending('labelNoise') ?? (wrong > 0 ? s.wrongLabels(f.int(wrong), f.int(size)) : undefined)}
        onChange={(v) => onChange(settingChange('labelNoise', v))}
      />
      <NumberControl
        field="dropout"
        value={config.dropout}
        hint={cnn && config.dropout > 0 ? s.dropoutMlpOnly : pending('dropout')}
        onChange={(v) => onChange(settingChange('dropout', v))}
      />
    </fieldset>
  );
});

// Weight decay and the learning-rate schedule: live settings every optimizer reads (η_t = η·w_t·d_t,
// shared/schedule.ts). γ only matters to the step schedule, so it is disabled for the others.
import { useI18n } from '../i18n/I18n';
import { SCHEDULES, settingChange, type RunConfig, type SettingChange } from '../shared/settings';
import { ChoiceControl } from './ChoiceControl';
import { NumberControl } from './NumberControl';

interface Props {
  config: RunConfig;
  onChange(change: SettingChange): void;
  /** Projector view: warmup and γ only when the schedule uses them. */
  compact: boolean;
}

export function RegularizeControls({ config, onChange, compact }: Props) {
  const { m } = useI18n();
  const s = m.settings;
  const stepSchedule = config.schedule === 'step';
  const showWarmup = !compact || config.schedule !== 'constant' || config.warmup > 0;
  return (
    <>
      <NumberControl
        field="weightDecay"
        value={config.weightDecay}
        hint={config.optimizer === 'adamw' ? s.decoupledHint : s.l2Hint}
        onChange={(v) => onChange(settingChange('weightDecay', v))}
      />
      <ChoiceControl
        label={s.fields.schedule}
        value={config.schedule}
        options={SCHEDULES}
        names={s.schedules}
        onChange={(v) => onChange(settingChange('schedule', v))}
      />
      {showWarmup && (
        <NumberControl
          field="warmup"
          value={config.warmup}
          onChange={(v) => onChange(settingChange('warmup', v))}
        />
      )}
      {(!compact || stepSchedule) && (
        <NumberControl
          field="gamma"
          value={config.gamma}
          disabled={!stepSchedule}
          onChange={(v) => onChange(settingChange('gamma', v))}
        />
      )}
    </>
  );
}

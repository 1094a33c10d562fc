// The learning-rate range test: its steps, Run (Cancel while it runs), its progress, the curve, and the
// two suggested learning rates with "Use this learning rate" for the selected run.
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { settingChange, type RunSettings, type SettingChange, type SharedSettings } from '../shared/settings';
import { NumberInput } from './NumberInput';
import { RangeChart } from './RangeChart';
import { MAX_RANGE_STEPS, MIN_RANGE_STEPS, RANGE_END_LR, RANGE_START_LR, suggestRates } from './rangeTest';
import { runningJob, type TuneControls } from './store';
import { rangeLine, rateText, settingRate, tensorData } from './text';

type Choice = 'steepest' | 'tenth';

interface Props {
  tune: TuneControls;
  shared: SharedSettings;
  run: { name: string; settings: RunSettings };
  ready: boolean;
  onChange(change: SettingChange): void;
}

export function RangeTest({ tune, shared, run, ready, onChange }: Props) {
  const { m } = useI18n();
  const stepsId = useId();
  const [steps, setSteps] = useState<number>(MAX_RANGE_STEPS);
  const [pick, setPick] = useState<Choice>('steepest');
  // Kept as values, so the note reads in the page's language after a switch.
  const [used, setUsed] = useState<{ run: string; lr: number } | null>(null);
  const record = tune.snap.range;
  const busy = runningJob(tune.snap);
  const running = busy === 'rangeTest';
  const suggestion = useMemo(() => (record ? suggestRates(record.points, record.steps) : null), [record]);
  const chosen =
    pick === 'steepest' && suggestion?.steepest != null ? suggestion.steepest : suggestion?.tenthOfMinimum;

  const start = () => {
    setUsed(null);
    tune.start(shared, { kind: 'rangeTest', settings: run.settings, steps });
  };
  const use = () => {
    if (chosen === undefined) return;
    const lr = settingRate(chosen);
    onChange(settingChange('learningRate', lr));
    setUsed({ run: run.name, lr });
  };

  return (
    <section className="tune-part" aria-labelledby={`${stepsId}-title`}>
      <h3 id={`${stepsId}-title`}>{m.tune.rangeTitle}</h3>
      <p className="tune-intro">
        {m.tune.rangeIntro(run.name, rateText(RANGE_START_LR), rateText(RANGE_END_LR))}
      </p>
      <div className="tune-actions">
        <label htmlFor={stepsId}>{m.tune.steps}</label>
        <NumberInput
          id={stepsId}
          value={steps}
          min={MIN_RANGE_STEPS}
          max={MAX_RANGE_STEPS}
          integer
          disabled={running}
          onValue={setSteps}
        />
        {running ? (
          <button type="button" onClick={tune.cancel}>
            {m.tune.cancel}
          </button>
        ) : (
          <button type="button" className="primary" disabled={!ready || busy !== null} onClick={start}>
            {m.tune.rangeRun}
          </button>
        )}
      </div>
      <p className="tune-line" aria-live="polite" {...tensorData(record)}>
        {record ? rangeLine(record, m) : ''}
      </p>
      {record && record.points.length > 0 && <RangeChart points={record.points} suggestion={suggestion} />}
      {record && !running && suggestion && (
        <fieldset className="tune-suggestion">
          <legend>{m.tune.suggestion}</legend>
          {suggestion.steepest === null ? (
            <p>{m.tune.noFall}</p>
          ) : (
            <label>
              <input
                type="radio"
                name={`${stepsId}-pick`}
                checked={pick === 'steepest'}
                onChange={() => setPick('steepest')}
              />
              <span className="tune-swatch tune-swatch-steepest" aria-hidden="true" />
              {m.tune.steepest(rateText(suggestion.steepest))}
            </label>
          )}
          <label>
            <input
              type="radio"
              name={`${stepsId}-pick`}
              checked={pick === 'tenth' || suggestion.steepest === null}
              onChange={() => setPick('tenth')}
            />
            <span className="tune-swatch tune-swatch-tenth" aria-hidden="true" />
            {m.tune.tenthOfMinimum(rateText(suggestion.tenthOfMinimum), rateText(suggestion.atMinimum))}
          </label>
          <div className="tune-actions">
            <button type="button" className="primary" title={m.tune.useTitle(run.name)} onClick={use}>
              {m.tune.use}
            </button>
            <span aria-live="polite">{used && m.tune.used(used.run, rateText(used.lr))}</span>
          </div>
        </fieldset>
      )}
    </section>
  );
}

// What a random search draws from: how many trials of how many steps, the optimizers ticked, and the
// bounds of η, β1, β2 and μ (a bound the ticked optimizers do not use is muted, still editable and
// readable: greying it out would fail contrast for text a class may still want to set).
import { useId } from 'react';
import { usedBy } from '../config/schema';
import { useI18n } from '../i18n/I18n';
import { OPTIMIZERS, type OptimizerName } from '../shared/settings';
import type { SearchForm } from './form';
import { NumberInput } from './NumberInput';
import {
  SPACE_KEYS,
  spaceLimits,
  TRIAL_COUNT,
  TRIAL_STEPS,
  type SearchSpace,
  type SpaceKey,
} from './sampler';

interface Props {
  form: SearchForm;
  disabled: boolean;
  onForm(next: SearchForm): void;
}

/** Six significant digits, as the settings panel shows values. */
const text = (v: number) => String(Number(v.toPrecision(6)));

export function SearchFormFields({ form, disabled, onForm }: Props) {
  const { m } = useI18n();
  const id = useId();
  const { space } = form;
  const setSpace = (patch: Partial<SearchSpace>) => onForm({ ...form, space: { ...space, ...patch } });
  const toggle = (o: OptimizerName, on: boolean) =>
    setSpace({ optimizers: on ? [...space.optimizers, o] : space.optimizers.filter((x) => x !== o) });
  const used = (key: SpaceKey) => space.optimizers.some((o) => usedBy(o).has(key));

  return (
    <div className="tune-form">
      <div className="tune-field">
        <label htmlFor={`${id}-trials`}>{m.tune.trials}</label>
        <NumberInput
          id={`${id}-trials`}
          value={form.trials}
          min={TRIAL_COUNT.min}
          max={TRIAL_COUNT.max}
          integer
          disabled={disabled}
          onValue={(trials) => onForm({ ...form, trials })}
        />
      </div>
      <div className="tune-field">
        <label htmlFor={`${id}-steps`}>{m.tune.stepsPerTrial}</label>
        <NumberInput
          id={`${id}-steps`}
          value={form.steps}
          min={TRIAL_STEPS.min}
          max={TRIAL_STEPS.max}
          integer
          disabled={disabled}
          onValue={(steps) => onForm({ ...form, steps })}
        />
      </div>
      <fieldset className="tune-optimizers" disabled={disabled}>
        <legend>{m.tune.optimizers}</legend>
        {OPTIMIZERS.map((o) => (
          <label key={o}>
            <input
              type="checkbox"
              checked={space.optimizers.includes(o)}
              // At least one stays ticked: a search needs an optimizer to draw.
              disabled={space.optimizers.length === 1 && space.optimizers.includes(o)}
              onChange={(e) => toggle(o, e.target.checked)}
            />
            {m.settings.optimizers[o]}
          </label>
        ))}
      </fieldset>
      <fieldset className="tune-bounds" disabled={disabled}>
        <legend>{m.tune.bounds}</legend>
        {SPACE_KEYS.map((key) => {
          const name = m.settings.fields[key];
          const limit = spaceLimits(key);
          const b = space[key];
          return (
            <div key={key} className={used(key) ? 'tune-bound' : 'tune-bound tune-bound-unused'}>
              <span className="tune-bound-name">{name}</span>
              <NumberInput
                aria-label={m.tune.from(name)}
                value={b.min}
                min={limit.min}
                max={limit.max}
                format={text}
                onValue={(min) =>
                  setSpace({ [key]: { min: Math.min(min, b.max), max: Math.max(min, b.max) } })
                }
              />
              <span>{m.tune.between}</span>
              <NumberInput
                aria-label={m.tune.to(name)}
                value={b.max}
                min={limit.min}
                max={limit.max}
                format={text}
                onValue={(max) =>
                  setSpace({ [key]: { min: Math.min(max, b.min), max: Math.max(max, b.min) } })
                }
              />
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

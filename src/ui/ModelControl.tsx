// The "Model" setting: a select of the preset networks plus "Custom widths…", which opens a field for
// an MLP's hidden widths (256-128). A typed value is checked on commit; a bad one is refused with why.
import { useId } from 'react';
import { useI18n } from '../i18n/I18n';
import {
  MAX_HIDDEN_LAYERS,
  MAX_WIDTH,
  MIN_WIDTH,
  MODEL_PRESETS,
  modelSpec,
  parameterCount,
  type ModelName,
} from '../shared/model';
import { CUSTOM, modelLabel, widthsText } from './modelChoice';
import { useModelChoice } from './useModelChoice';

interface Props {
  value: ModelName;
  /** "Applies on Reset (run uses …)" while the value differs from the run's. */
  hint?: string;
  onChange(value: ModelName): void;
}

export function ModelControl({ value, hint, onChange }: Props) {
  const { m, f } = useI18n();
  const s = m.settings.model;
  const selectId = useId();
  const widthsId = useId();
  const { custom, draft, type, cancel, note, pick, commit } = useModelChoice(value, onChange);
  // With the field open the select names no network, so the line says which one is in force.
  const count = s.size(f.int(parameterCount(modelSpec(value))));
  const size = custom ? [modelLabel(value, m), count].join(' · ') : count;

  return (
    <div className="control model-control">
      <label htmlFor={selectId}>{m.settings.fields.model}</label>
      <select id={selectId} value={custom ? CUSTOM : value} onChange={(e) => pick(e.target.value)}>
        {MODEL_PRESETS.map((p) => (
          <option key={p} value={p}>
            {modelLabel(p, m)}
          </option>
        ))}
        <option value={CUSTOM}>{s.custom}</option>
      </select>
      {custom && (
        <div className="control-row model-widths">
          <label htmlFor={widthsId}>{s.widths}</label>
          <input
            id={widthsId}
            className="value-field"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder={s.widthsExample}
            value={draft ?? widthsText(value)}
            onChange={(e) => type(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') cancel();
            }}
          />
        </div>
      )}
      {note && (
        <div className="control-note" role="alert">
          {note(m)}
        </div>
      )}
      {/* The rule for widths while they are typed or missing; the field shows it followed otherwise. */}
      {custom && !note && (draft !== null || widthsText(value) === '') && (
        <div className="control-hint">{s.widthsHint(MAX_HIDDEN_LAYERS, MIN_WIDTH, MAX_WIDTH)}</div>
      )}
      <div className="control-hint model-size">{size}</div>
      {hint && <div className="control-hint">{hint}</div>}
    </div>
  );
}

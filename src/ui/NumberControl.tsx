// One numeric setting: a slider (log or linear, from the field table) plus a typed value field.
// Typed values are validated on commit; anything out of range is clamped and the clamp is shown.
import { useId, useState } from 'react';
import { FIELDS, type NumericKey } from '../config/schema';
import { formatValue, SLIDER_MAX, sliderToValue, valueToSlider } from '../config/sliders';
import { parseText } from '../config/validate';

interface Props {
  field: NumericKey;
  value: number;
  disabled?: boolean;
  /** Integer fields without a useful slider (seed) show only the typed field. */
  slider?: boolean;
  hint?: string;
  onChange(value: number): void;
}

export function NumberControl({ field, value, disabled = false, slider = true, hint, onChange }: Props) {
  const spec = FIELDS[field];
  const id = useId();
  // While typing, the field shows the draft; otherwise it follows the value (slider, link, reset).
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const text = draft ?? formatValue(field, value);

  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const r = parseText(field, draft);
    if (!r.ok) {
      setNote(`"${draft}" ${r.reason}; kept ${formatValue(field, value)}.`);
      return;
    }
    setNote(r.note ? `${spec.label} ${r.note}.` : null);
    if (r.value !== value) onChange(r.value);
  };

  return (
    <div className={`control${disabled ? ' control-disabled' : ''}`}>
      <label htmlFor={id}>{spec.label}</label>
      <div className="control-row">
        {slider && (
          <input
            id={id}
            type="range"
            min={0}
            max={SLIDER_MAX}
            step={1}
            value={valueToSlider(field, value)}
            disabled={disabled}
            aria-label={spec.label}
            aria-valuetext={formatValue(field, value)}
            onChange={(e) => onChange(sliderToValue(field, Number(e.target.value)))}
          />
        )}
        <input
          id={slider ? undefined : id}
          className="value-field"
          type="text"
          inputMode="decimal"
          value={text}
          disabled={disabled}
          aria-label={slider ? `${spec.label} value` : spec.label}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      </div>
      {note && (
        <div className="control-note" role="alert">
          {note}
        </div>
      )}
      {hint && !note && <div className="control-hint">{hint}</div>}
    </div>
  );
}

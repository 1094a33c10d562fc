// One numeric setting: a slider (log or linear, from the field table) plus a typed value field.
// Typed values are validated on commit; anything out of range is clamped and the clamp is shown.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { NumericKey } from '../config/schema';
import { formatValue, SLIDER_MAX, sliderToValue, valueToSlider } from '../config/sliders';
import { parseText } from '../config/validate';
import { useI18n } from '../i18n/I18n';
import type { Messages } from '../i18n/messages';
import type { Text } from '../i18n/text';
import { measureSince, SLIDER_COMMIT_MEASURE } from '../shared/perfMarks';

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
  const { m } = useI18n();
  const label = m.settings.fields[field];
  const id = useId();
  // While typing, the field shows the draft; otherwise it follows the value (slider, link, reset).
  const [draft, setDraft] = useState<string | null>(null);
  // A Text, so a note shown before a language switch is shown in the new language after it.
  const [note, setNote] = useState<Text | null>(null);
  const text = draft ?? formatValue(field, value);
  // When the slider's last input arrived: the commit that shows its value measures what it cost.
  const inputAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (inputAt.current === null) return;
    measureSince(SLIDER_COMMIT_MEASURE, inputAt.current);
    inputAt.current = null;
  }, [value]);

  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const r = parseText(field, draft);
    if (!r.ok) {
      const kept = formatValue(field, value);
      setNote(() => (mm: Messages) => mm.settings.refused(draft, r.reason(mm), kept));
      return;
    }
    const clamp = r.note;
    setNote(() =>
      clamp ? (mm: Messages) => mm.settings.clamped(mm.settings.fields[field], clamp(mm)) : null,
    );
    if (r.value !== value) onChange(r.value);
  };

  return (
    <div className={`control${disabled ? ' control-disabled' : ''}`}>
      <label htmlFor={id}>{label}</label>
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
            aria-label={label}
            aria-valuetext={formatValue(field, value)}
            onChange={(e) => {
              const next = sliderToValue(field, Number(e.target.value));
              if (next !== value) inputAt.current = performance.now();
              onChange(next);
            }}
          />
        )}
        <input
          id={slider ? undefined : id}
          className="value-field"
          type="text"
          inputMode="decimal"
          value={text}
          disabled={disabled}
          aria-label={slider ? m.settings.valueOf(label) : label}
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
          {note(m)}
        </div>
      )}
      {hint && !note && <div className="control-hint">{hint}</div>}
    </div>
  );
}

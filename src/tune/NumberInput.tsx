// A number typed freely and read on Enter or when focus leaves, kept within [min, max] (rounded where
// `integer`); text that is not a number (or Escape) brings the last value back.
import type { InputHTMLAttributes } from 'react';
import { useState } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'min' | 'max'> {
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  /** How the value reads in the field (default: as JavaScript writes it). */
  format?: (v: number) => string;
  onValue(v: number): void;
}

export function NumberInput({ value, min, max, integer = false, format = String, onValue, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const n = Number(draft.trim());
    if (draft.trim() === '' || !Number.isFinite(n)) return;
    const v = Math.min(max, Math.max(min, integer ? Math.round(n) : n));
    if (v !== value) onValue(v);
  };
  return (
    <input
      {...rest}
      className="value-field"
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      value={draft ?? format(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

// A typed number (the start's x0 and y0): the draft is kept while typing and committed on Enter or
// blur; text that is not a number puts the field back to the value. The caller clamps into range.
import { useId, useState } from 'react';

interface Props {
  label: string;
  value: number;
  onCommit(value: number): void;
}

export function LabNumberField({ label, value, onCommit }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    // A decimal comma from a Chinese or European keyboard reads as a point.
    const v = Number(draft.normalize('NFKC').trim().replace(',', '.'));
    if (draft.trim() !== '' && Number.isFinite(v)) onCommit(v);
  };
  return (
    <div className="control lab-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="value-field"
        type="text"
        inputMode="decimal"
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </div>
  );
}

// A select for an enum setting (optimizer, preprocessing) with visible label and human option names.
import { useId } from 'react';

interface Props<V extends string> {
  label: string;
  value: V;
  options: readonly V[];
  names?: Partial<Record<V, string>>;
  disabled?: boolean;
  hint?: string;
  onChange(value: V): void;
}

export function ChoiceControl<V extends string>({
  label,
  value,
  options,
  names,
  disabled,
  hint,
  onChange,
}: Props<V>) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {names?.[o] ?? o}
          </option>
        ))}
      </select>
      {hint && <div className="control-hint">{hint}</div>}
    </div>
  );
}

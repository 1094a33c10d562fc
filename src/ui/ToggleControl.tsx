// A labelled checkbox (Nesterov, Log scale).
import { useId } from 'react';

interface Props {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

export function ToggleControl({ label, checked, disabled, onChange }: Props) {
  const id = useId();
  return (
    <div className={`control control-toggle${disabled ? ' control-disabled' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

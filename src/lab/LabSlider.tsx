// A labelled slider with its value shown beside it; the caller maps slider positions to values
// (κ moves evenly in log κ).
import { useId } from 'react';

interface Props {
  label: string;
  min: number;
  max: number;
  step: number;
  /** The slider's position. */
  position: number;
  /** The value as shown and as read by a screen reader. */
  valueText: string;
  onChange(position: number): void;
}

export function LabSlider({ label, min, max, step, position, valueText, onChange }: Props) {
  const id = useId();
  return (
    <div className="control lab-slider">
      <label htmlFor={id}>{label}</label>
      <div className="control-row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={position}
          aria-valuetext={valueText}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <output htmlFor={id} className="lab-value">
          {valueText}
        </output>
      </div>
    </div>
  );
}

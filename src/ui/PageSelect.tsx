// A labelled select in the header (language, view, theme): one shape for the page's own switches.
import { useId } from 'react';

interface Props<V extends string> {
  label: string;
  value: V;
  options: readonly V[];
  names: Readonly<Record<V, string>>;
  /** Per option, the language its name is written in (the language switch names each in itself). */
  langs?: Readonly<Record<V, string>>;
  onChange(value: V): void;
}

export function PageSelect<V extends string>({ label, value, options, names, langs, onChange }: Props<V>) {
  const id = useId();
  return (
    <div className="page-switch">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}
      >
        {options.map((o) => (
          <option key={o} value={o} lang={langs?.[o]}>
            {names[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

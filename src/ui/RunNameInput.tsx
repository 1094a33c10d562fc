// A run's name field. While it has focus it shows exactly what was typed (even nothing); what is
// stored is cleaned at every keystroke, and on blur the field shows the stored name again.
import { useState } from 'react';
import { MAX_NAME_LENGTH } from '../experiment/runs';

interface Props {
  name: string;
  label: string;
  onRename(text: string): void;
}

export function RunNameInput({ name, label, onRename }: Props) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <input
      className="run-name"
      type="text"
      value={typed ?? name}
      maxLength={MAX_NAME_LENGTH}
      onChange={(e) => {
        setTyped(e.target.value);
        onRename(e.target.value);
      }}
      onBlur={() => setTyped(null)}
      aria-label={label}
    />
  );
}

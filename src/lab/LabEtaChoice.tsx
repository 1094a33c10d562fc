// Which η the lab walks with: rates suited to the surface (each run's η times its optimizer's factor,
// rates.ts) or each run's own MNIST η, with a line saying what the choice means.
import { useId } from 'react';
import { useI18n } from '../i18n/I18n';
import { isLabEta, LAB_ETAS, type LabEta } from './settings';

interface Props {
  eta: LabEta;
  onChange(eta: LabEta): void;
}

export function LabEtaChoice({ eta, onChange }: Props) {
  const { m } = useI18n();
  const id = useId();
  const noteId = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{m.lab.eta}</label>
      <select
        id={id}
        value={eta}
        aria-describedby={noteId}
        onChange={(e) => isLabEta(e.target.value) && onChange(e.target.value)}
      >
        {LAB_ETAS.map((choice) => (
          <option key={choice} value={choice}>
            {m.lab.etas[choice]}
          </option>
        ))}
      </select>
      <p id={noteId} className="lab-formula">
        {m.lab.etaNotes[eta]}
      </p>
    </div>
  );
}

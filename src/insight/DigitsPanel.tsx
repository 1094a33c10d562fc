// The grid under the confusion matrix: the test digits, or (when the run has label noise, by choice)
// the training images given a wrong label, with the toggle between them.
import { useId } from 'react';
import { useI18n } from '../i18n/I18n';
import { MislabelledGrid } from './MislabelledGrid';
import { PredictionGrid } from './PredictionGrid';
import type { PredictionsState, ReadyPredictions } from './usePredictions';

interface Props {
  shown: ReadyPredictions;
  predictions: PredictionsState;
}

export function DigitsPanel({ shown, predictions: p }: Props) {
  const { m, f } = useI18n();
  const toggleId = useId();
  return (
    <div className="insight-predictions">
      <div className="insight-confusion-head">
        <h3>{m.insight.predictions}</h3>
        {shown.mislabelled > 0 && (
          <span className="control-toggle">
            <input
              id={toggleId}
              type="checkbox"
              checked={p.view === 'mislabelled'}
              onChange={(e) => p.setView(e.target.checked ? 'mislabelled' : 'test')}
            />
            <label htmlFor={toggleId}>{m.insight.mislabelledToggle(f.int(shown.mislabelled))}</label>
          </span>
        )}
      </div>
      {p.view === 'mislabelled' ? (
        <MislabelledGrid result={p.mislabelled} />
      ) : (
        <PredictionGrid predictions={shown} cell={p.cell} onPick={p.pick} />
      )}
    </div>
  );
}

// The test digits the worker picked (mistakes first), each with the network's guess and confidence; a
// picked confusion-matrix cell narrows them to that (true, predicted) pair.
import { useMemo } from 'react';
import { useI18n } from '../i18n/I18n';
import type { ConfusionCell } from '../protocol';
import { IMAGE_PIXELS } from '../shared/mnist';
import { confusionView } from './confusion';
import { DigitImage } from './DigitImage';
import type { ReadyPredictions } from './usePredictions';

interface Props {
  predictions: ReadyPredictions;
  cell: ConfusionCell | null;
  onPick(cell: ConfusionCell | null): void;
}

export function PredictionGrid({ predictions, cell, onPick }: Props) {
  const { m, f } = useI18n();
  const { digits, images, matching, confusion } = predictions;
  const pictures = useMemo(
    () => digits.map((_, i) => images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)),
    [digits, images],
  );
  const { total, correct } = confusionView(confusion, false);
  const shown = f.int(digits.length);
  return (
    <>
      <p className="insight-note">
        {predictions.cell
          ? m.insight.gridCell(predictions.cell.label, predictions.cell.predicted, f.int(matching), shown)
          : m.insight.gridAll(shown, f.int(total - correct), f.int(total))}{' '}
        {cell && (
          <button type="button" className="insight-show-all" onClick={() => onPick(null)}>
            {m.insight.showAll}
          </button>
        )}
      </p>
      {digits.length === 0 ? (
        <p className="insight-note">{m.insight.gridEmpty}</p>
      ) : (
        <ul className="digit-grid" aria-label={m.insight.digitGrid}>
          {digits.map((d, i) => {
            const wrong = d.predicted !== d.label;
            const confidence = f.pct(d.confidence, 0);
            return (
              <li key={d.index} className={wrong ? 'digit digit-wrong' : 'digit'}>
                <DigitImage pixels={pictures[i]!} label={m.insight.digit(d.label, d.predicted, confidence)} />
                <span className="digit-guess" aria-hidden="true">
                  <b>{d.predicted}</b> {confidence}
                </span>
                {wrong && (
                  <span className="digit-truth" aria-hidden="true">
                    {m.insight.truth(d.label)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

// The training images the data lever gave a wrong label, as the selected run predicts them now: how many
// it answers with the wrong label it was taught (memorised) or with the true digit, and the first of
// them, each with its true digit, its given label and the network's guess.
import { useMemo } from 'react';
import { useI18n } from '../i18n/I18n';
import { IMAGE_PIXELS } from '../shared/mnist';
import { DigitImage } from './DigitImage';
import type { MislabelledPredictions } from './usePredictions';

export function MislabelledGrid({ result }: { result: MislabelledPredictions | null }) {
  const { m, f } = useI18n();
  const digits = result?.digits;
  const images = result?.images;
  const pictures = useMemo(
    () => digits?.map((_, i) => images!.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)) ?? [],
    [digits, images],
  );
  if (!result) return <p className="insight-note">{m.insight.mislabelledFirst}</p>;
  const { total, memorised, trueDigit } = result;
  return (
    <>
      <p className="insight-note mislabelled-summary">
        {m.insight.mislabelledSummary(
          f.int(total),
          f.int(memorised),
          f.int(trueDigit),
          f.int(total - memorised - trueDigit),
          f.int(result.digits.length),
        )}
      </p>
      <ul className="digit-grid" aria-label={m.insight.mislabelledGrid}>
        {result.digits.map((d, i) => {
          const confidence = f.pct(d.confidence, 0);
          return (
            <li key={d.index} className={d.predicted !== d.label ? 'digit digit-wrong' : 'digit'}>
              <DigitImage
                pixels={pictures[i]!}
                label={m.insight.mislabelledDigit(d.label, d.given, d.predicted, confidence)}
              />
              <span className="digit-guess" aria-hidden="true">
                <b>{d.predicted}</b> {confidence}
              </span>
              <span aria-hidden="true">{m.insight.taught(d.given)}</span>
              {/* Plain: the cell is marked (digit-wrong) where the guess is not the true digit. */}
              <span aria-hidden="true">{m.insight.truth(d.label)}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

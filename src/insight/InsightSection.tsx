// "What the model learned", below the charts: the selected run's predictions on the test digits, its
// confusion matrix, and a digit to draw. Every number comes from the worker, computed from the run's
// weights as they are now; this only asks (usePredictions, useDrawnDigit) and shows.
import { memo } from 'react';
import { useI18n } from '../i18n/I18n';
import { ConfusionTable } from './ConfusionTable';
import { DigitsPanel } from './DigitsPanel';
import { DrawDigit } from './DrawDigit';
import { useDrawnDigit } from './useDrawnDigit';
import { usePredictions, type InsightLink } from './usePredictions';

interface Props extends InsightLink {
  runId: number;
  /** The selected run's lane; null while it has none (added since the last Reset). */
  lane: string | null;
  step: number;
  stepsPerEpoch: number;
  dataReady: boolean;
  dataComplete: boolean;
}

// memo: a slider key re-renders its control, not this section (its props do not change).
export const InsightSection = memo(function InsightSection({
  ask,
  listen,
  runId,
  lane,
  step,
  stepsPerEpoch,
  ...data
}: Props) {
  const { m, f } = useI18n();
  const epoch = stepsPerEpoch > 0 ? Math.floor(step / stepsPerEpoch) : 0;
  const link = { ask, listen, runId, lane };
  const predictions = usePredictions({ ...link, epoch, ...data });
  const digit = useDrawnDigit({ ...link, step });
  const { shown, status: asked } = predictions;
  const test = asked.of === 'test';
  const status = !data.dataReady
    ? m.insight.loading
    : !lane
      ? m.insight.noLane
      : asked.waiting
        ? test
          ? m.insight.waiting
          : m.insight.waitingTrain
        : asked.pending
          ? asked.progress
            ? (test ? m.insight.updatingProgress : m.insight.updatingMislabelled)(
                f.int(asked.progress.done),
                f.int(asked.progress.total),
              )
            : m.insight.updating
          : null;
  return (
    <section className="insight" aria-label={m.insight.title} data-step={shown?.step ?? ''}>
      <div className="insight-head">
        <h2>{m.insight.title}</h2>
        {shown && <span className="insight-step">{m.insight.atStep(f.int(shown.step))}</span>}
        <button type="button" onClick={predictions.refresh} disabled={!lane || !data.dataReady}>
          {m.insight.refresh}
        </button>
        <span className="insight-status">{status}</span>
      </div>
      <p className="insight-note">{m.insight.intro}</p>
      {!shown && lane && data.dataReady && !asked.pending && !asked.waiting && (
        <p className="insight-note">{m.insight.firstEpoch}</p>
      )}
      <div className={asked.pending ? 'insight-body insight-pending' : 'insight-body'}>
        {shown && (
          <ConfusionTable confusion={shown.confusion} cell={predictions.cell} onPick={predictions.pick} />
        )}
        <DrawDigit digit={digit} ready={!!lane} />
        {shown && <DigitsPanel shown={shown} predictions={predictions} />}
      </div>
    </section>
  );
});

// "Adam's update, with numbers": the selected run's update of one output weight, each equation of the
// origin article once in symbols and once with that step's values, plus the weight θ became on the GPU.
// A class can pick the weight (hidden unit → digit) or follow the one with the largest |g|.
import { memo, type Ref } from 'react';
import { useI18n } from '../i18n/I18n';
import type { TracePoint, TraceTarget } from '../shared/trace';
import type { ModelName } from '../shared/model';
import { texNumber, updateLines } from './tex';
import { Tex } from './Tex';
import { outputInputKind, WeightPicker } from './WeightPicker';
import { useThrottled } from './useThrottled';

/** At most four redraws a second while training; the last step always shows. */
const REDRAW_MS = 250;

interface Props {
  trace: TracePoint | null;
  target: TraceTarget;
  onFollow(target: TraceTarget): void;
  /** The network the run trains, for the weight picker's unit range. */
  model: ModelName;
  /** The section element (React 19 passes `ref` as a prop). */
  ref?: Ref<HTMLElement>;
}

export const UpdateEquations = memo(function UpdateEquations({
  trace: latest,
  target,
  onFollow,
  model,
  ref,
}: Props) {
  const { m } = useI18n();
  const trace = useThrottled(latest, REDRAW_MS);
  const lines = trace ? updateLines(trace) : [];
  return (
    <section ref={ref} className="equations" aria-label={m.equations.region} data-step={trace?.step ?? 0}>
      <h2>{m.equations.title(trace?.optimizer ?? 'adam')}</h2>
      {/* Remounted when the worker picks a weight, so the fields show the one being followed. */}
      <WeightPicker
        key={target === 'largest' ? `largest-${trace?.index ?? ''}` : 'picked'}
        trace={trace}
        target={target}
        onFollow={onFollow}
        model={model}
      />
      {trace ? (
        <>
          <p className="equations-weight">
            {m.equations.weight(
              m.equations.unitInSentence[outputInputKind(model)],
              trace.row,
              trace.col,
              trace.step,
            )}
          </p>
          {/* Scrolls sideways on a narrow screen; focusable so a keyboard can scroll it too. */}
          <div className="equations-scroll" tabIndex={0} role="group" aria-label={m.equations.region}>
            <table className="equations-table">
              <thead>
                <tr>
                  <th scope="col">{m.equations.rule}</th>
                  <th scope="col">{m.equations.numbers}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.id} data-line={l.id}>
                    <td>
                      <Tex tex={l.rule} />
                    </td>
                    <td>
                      <Tex tex={l.numbers} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="equations-gpu">{m.equations.gpu(texNumberPlain(trace.thetaAfter))}</p>
        </>
      ) : (
        <p className="equations-empty">{m.equations.empty}</p>
      )}
    </section>
  );
});

/** The same rounding as the equations, as plain text (×10^k written out). */
function texNumberPlain(x: number): string {
  return texNumber(x)
    .replace(/ \\times 10\^\{(-?\d+)\}/, '×10^$1')
    .replace('\\infty', '∞');
}

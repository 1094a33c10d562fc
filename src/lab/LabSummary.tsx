// Where each run ended: the η it walked with, its last step, point, loss and distance to the nearest
// minimum, or the step where it diverged. Its first line is the plot's text description (the plot
// points to it by id).
import { runGraphicColor } from '../charts/contrast';
import { useI18n } from '../i18n/I18n';
import type { DrawnPath } from './drawn';
import { lastStep } from './paths';
import { labRate, rateFactor } from './rates';
import type { LabSettings } from './settings';
import { distanceToMinimum, type Surface } from './surfaces';

interface Props {
  /** The id of the summary line, which describes the plot. */
  id: string;
  drawn: readonly DrawnPath[];
  surface: Surface;
  lab: LabSettings;
}

/** Four significant digits: coordinates from 10 down to 10⁻⁸ all read at a glance. */
const sig = (v: number) => String(Number(v.toPrecision(4)));

export function LabSummary({ id, drawn, surface, lab }: Props) {
  const { m, f } = useI18n();
  // The η at step 1, before the schedule's factor; "suited" shows how it comes from the run's own.
  const etaOf = ({ initial: s }: DrawnPath['run']) => {
    const eta = sig(labRate(s, lab));
    return lab.eta === 'run'
      ? eta
      : m.lab.scaledEta(eta, sig(rateFactor(s.optimizer, lab)), sig(s.learningRate));
  };
  return (
    <div className="lab-summary">
      <p id={id}>
        {drawn.length === 0
          ? m.lab.noRuns
          : m.lab.summary(drawn.length, m.lab.surfaces[surface.name], f.int(lab.steps))}
      </p>
      {drawn.length > 0 && (
        <table>
          <caption>{m.lab.summaryTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.lab.columns.run}</th>
              <th scope="col">{m.lab.columns.eta}</th>
              <th scope="col">{m.lab.columns.step}</th>
              <th scope="col">{m.lab.columns.point}</th>
              <th scope="col">{m.lab.columns.loss}</th>
              <th scope="col">{m.lab.columns.distance}</th>
            </tr>
          </thead>
          <tbody>
            {drawn.map(({ run, path }) => {
              const i = lastStep(path);
              const [x, y] = [path.xs[i]!, path.ys[i]!];
              return (
                <tr key={run.id}>
                  <th scope="row">
                    <span className="lab-swatch" style={{ background: runGraphicColor(run.color) }} />
                    {run.name}
                  </th>
                  <td>{etaOf(run)}</td>
                  <td>{path.stop ? m.lab.stopped(f.int(path.stop.step)) : f.int(i)}</td>
                  <td>{m.lab.point(sig(x), sig(y))}</td>
                  <td>{sig(path.losses[i]!)}</td>
                  <td>{sig(distanceToMinimum(surface, x, y))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

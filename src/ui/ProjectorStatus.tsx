// The projector view's status: one row per run with its step, loss and accuracy, in type big enough
// for the back of a room, under the network's name and size. A run's name selects it, so the live
// controls beside it edit that run.
import type { LaneData, SessionSnapshot } from '../client/session';
import { runTextColor } from '../charts/contrast';
import type { RunSpec } from '../experiment/types';
import { useI18n } from '../i18n/I18n';
import { modelSpec, parameterCount, type ModelName } from '../shared/model';
import { StateAnnouncer } from './StateAnnouncer';

interface Props {
  snap: SessionSnapshot;
  runs: readonly RunSpec[];
  selectedId: string;
  /** The selected run's record, for the announced state. */
  lane: LaneData | undefined;
  onSelect(id: string): void;
  /** The network every run trains (the last Reset's): named with its size above the table. */
  model: ModelName;
}

/** The accuracy a class watches: validation once measured, else the latest batch's. */
function accuracyOf(lane: LaneData | undefined): number | undefined {
  return lane?.test?.accuracy ?? lane?.validation.at(-1)?.accuracy ?? lane?.points.at(-1)?.accuracy;
}

export function ProjectorStatus({ snap, runs, selectedId, lane: selectedLane, onSelect, model }: Props) {
  const { m, f } = useI18n();
  const s = m.status;
  return (
    <section className="projector-status" aria-label={s.region}>
      <StateAnnouncer snap={snap} lane={selectedLane} />
      <table>
        <caption>{s.paramsOf(f.int(parameterCount(modelSpec(model))), model)}</caption>
        <thead>
          <tr>
            <th scope="col">{s.run}</th>
            <th scope="col">{s.step}</th>
            <th scope="col">{s.loss}</th>
            <th scope="col">{m.charts.accuracyTitle}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const lane = snap.lanes[r.id];
            const loss = lane?.points.at(-1)?.loss;
            const acc = accuracyOf(lane);
            return (
              <tr key={r.id} className={r.id === selectedId ? 'selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    translate="no"
                    aria-pressed={r.id === selectedId}
                    title={r.name}
                    style={{ color: runTextColor(r.color) }}
                    onClick={() => onSelect(r.id)}
                  >
                    {r.name}
                  </button>
                </th>
                <td>{f.int(lane?.points.at(-1)?.step ?? 0)}</td>
                <td>{loss === undefined ? '–' : f.fixed(loss, 3)}</td>
                <td>{acc === undefined ? '–' : f.pct(acc)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

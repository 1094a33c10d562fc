// The runs of the comparison: select one to edit, rename, recolour, hide, remove, add; live standings.
import { MAX_RUNS, type RunSpec } from '../experiment/types';
import type { LaneData } from '../client/session';
import { divergedStep } from '../shared/pointColumns';
import type { OptimizerName } from '../shared/settings';
import { useI18n } from '../i18n/I18n';
import type { Messages } from '../i18n/messages';
import { RunNameInput } from './RunNameInput';

interface Props {
  runs: RunSpec[];
  /** Each run's optimizer at the current step (a timeline may have switched it). */
  optimizers: Record<string, OptimizerName>;
  lanes: Record<string, LaneData>;
  selectedId: string;
  /** Runs added since the last Reset: they join when it happens. */
  pendingIds: ReadonlySet<string>;
  onSelect(id: string): void;
  onUpdate(id: string, patch: Partial<Pick<RunSpec, 'color' | 'hidden'>>): void;
  /** What the user typed in a name field; `optimizer` names the run when the text is empty. */
  onRename(id: string, text: string, optimizer: OptimizerName): void;
  onRemove(id: string): void;
  onAdd(): void;
  onCompare(): void;
}

function standing(lane: LaneData | undefined, m: Messages): string {
  const { runs: r, format: f } = m;
  if (!lane) return r.joinsOnReset;
  if (lane.stopped || divergedStep(lane.points) !== null) return r.diverged;
  if (lane.test) return r.test(f.pct(lane.test.accuracy));
  const v = lane.validation.at(-1);
  const last = lane.points.at(-1);
  return v ? r.val(f.pct(v.accuracy)) : last ? r.loss(f.fixed(last.loss, 3)) : '–';
}

export function RunList({
  runs,
  optimizers,
  lanes,
  selectedId,
  pendingIds,
  onSelect,
  onUpdate,
  onRename,
  onRemove,
  onAdd,
  onCompare,
}: Props) {
  const optimizerOf = (r: RunSpec) => optimizers[r.id] ?? r.initial.optimizer;
  const { m } = useI18n();
  return (
    <section className="runlist" aria-label={m.runs.region}>
      <div className="runlist-head">
        <h2>{m.runs.heading}</h2>
        <button type="button" onClick={onAdd} disabled={runs.length >= MAX_RUNS} title={m.runs.addTitle}>
          {m.runs.add}
        </button>
        <button type="button" onClick={onCompare} title={m.runs.compareTitle}>
          {m.runs.compare}
        </button>
      </div>
      <ul>
        {runs.map((r, i) => (
          <li key={r.id} className={r.id === selectedId ? 'run selected' : 'run'}>
            <input
              type="radio"
              name="selected-run"
              checked={r.id === selectedId}
              onChange={() => onSelect(r.id)}
              aria-label={m.runs.edit(r.name)}
            />
            <input
              type="color"
              value={r.color}
              onChange={(e) => onUpdate(r.id, { color: e.target.value })}
              aria-label={m.runs.colour(r.name)}
            />
            <RunNameInput
              name={r.name}
              label={m.runs.name(i + 1)}
              onRename={(text) => onRename(r.id, text, optimizerOf(r))}
            />
            <span className="run-opt">{m.settings.optimizers[optimizerOf(r)]}</span>
            <span className="run-standing">
              {pendingIds.has(r.id) ? m.runs.joinsOnReset : standing(lanes[r.id], m)}
            </span>
            <label className="run-hide">
              <input
                type="checkbox"
                checked={r.hidden}
                aria-label={m.runs.hideRun(r.name)}
                onChange={(e) => onUpdate(r.id, { hidden: e.target.checked })}
              />{' '}
              {m.runs.hide}
            </label>
            <button
              type="button"
              className="run-remove"
              onClick={() => onRemove(r.id)}
              disabled={runs.length <= 1}
              aria-label={m.runs.remove(r.name)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

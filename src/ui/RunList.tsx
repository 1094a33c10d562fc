// The runs of the comparison: select one to edit, rename, recolour, hide, remove, add; live standings.
import { MAX_RUNS, type RunSpec } from '../experiment/types';
import { OPTIMIZER_LABELS } from '../experiment/runs';
import type { LaneData } from '../client/session';
import { isDiverged } from '../shared/metrics';
import type { OptimizerName } from '../shared/settings';
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

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function standing(lane: LaneData | undefined): string {
  if (!lane) return 'joins on Reset';
  if (lane.stopped || lane.points.some((p) => isDiverged(p.loss))) return 'diverged';
  if (lane.test) return `test ${pct(lane.test.accuracy)}`;
  const v = lane.validation.at(-1);
  return v
    ? `val ${pct(v.accuracy)}`
    : lane.points.length
      ? `loss ${lane.points.at(-1)!.loss.toFixed(3)}`
      : '–';
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
  return (
    <section className="runlist" aria-label="Runs">
      <div className="runlist-head">
        <h2>Runs</h2>
        <button
          type="button"
          onClick={onAdd}
          disabled={runs.length >= MAX_RUNS}
          title="Add a run with the selected run's settings"
        >
          Add run
        </button>
        <button
          type="button"
          onClick={onCompare}
          title="SGD, Momentum and Adam from the same start, with the recipe's settings"
        >
          Compare optimizers
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
              aria-label={`Edit ${r.name}`}
            />
            <input
              type="color"
              value={r.color}
              onChange={(e) => onUpdate(r.id, { color: e.target.value })}
              aria-label={`Colour of ${r.name}`}
            />
            <RunNameInput
              name={r.name}
              label={`Name of run ${i + 1}`}
              onRename={(text) => onRename(r.id, text, optimizerOf(r))}
            />
            <span className="run-opt">{OPTIMIZER_LABELS[optimizerOf(r)]}</span>
            <span className="run-standing">
              {pendingIds.has(r.id) ? 'joins on Reset' : standing(lanes[r.id])}
            </span>
            <label className="run-hide">
              <input
                type="checkbox"
                checked={r.hidden}
                aria-label={`Hide ${r.name}`}
                onChange={(e) => onUpdate(r.id, { hidden: e.target.checked })}
              />{' '}
              hide
            </label>
            <button
              type="button"
              className="run-remove"
              onClick={() => onRemove(r.id)}
              disabled={runs.length <= 1}
              aria-label={`Remove ${r.name}`}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

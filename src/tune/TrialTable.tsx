// The search's results: one row per trial with its settings and validation scores, filled in as trials
// finish, sortable by trial, validation loss or accuracy, each row with "Load as run".
import { usedBy } from '../config/schema';
import { useI18n } from '../i18n/I18n';
import type { Messages } from '../i18n/messages';
import type { RunSettings } from '../shared/settings';
import { nextOrder, type SortKey, type SortOrder, type TrialRow } from './results';
import { SPACE_KEYS } from './sampler';
import { rateText } from './text';

interface Props {
  rows: readonly TrialRow[];
  order: SortOrder;
  /** Trials training now ([first, last)). */
  training: { first: number; last: number } | null;
  /** Why "Load as run" is off (a job runs, the run limit), or null. */
  loadBlocked: string | null;
  onOrder(order: SortOrder): void;
  onLoad(row: TrialRow): void;
}

const decimals = (v: number) => String(Number(v.toPrecision(4)));

function paramText(s: RunSettings, key: (typeof SPACE_KEYS)[number]): string {
  if (!usedBy(s.optimizer).has(key)) return '–';
  return key === 'learningRate' ? rateText(s[key]) : decimals(s[key]);
}

function scoreCells(row: TrialRow, training: boolean, m: Messages) {
  const r = row.result;
  if (!r) return <td colSpan={2}>{training ? m.tune.training : m.tune.waiting}</td>;
  if (!r.validation) return <td colSpan={2}>{m.tune.diverged(m.format.int(r.divergedAt ?? 0))}</td>;
  return (
    <>
      <td className="tune-num">{m.format.fixed(r.validation.loss, 4)}</td>
      <td className="tune-num">{m.format.pct(r.validation.accuracy, 1)}</td>
    </>
  );
}

export function TrialTable({ rows, order, training, loadBlocked, onOrder, onLoad }: Props) {
  const { m } = useI18n();
  const sortable = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={order.key === key ? (order.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="tune-sort"
        title={m.tune.sortBy(label)}
        onClick={() => onOrder(nextOrder(order, key))}
      >
        {label}
        <span aria-hidden="true">{order.key === key ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
  return (
    <div className="tune-table-scroll">
      <table className="tune-table" aria-label={m.tune.table}>
        <thead>
          <tr>
            {sortable('trial', m.tune.trial)}
            <th scope="col">{m.tune.optimizer}</th>
            {SPACE_KEYS.map((k) => (
              <th scope="col" key={k}>
                {m.settings.fields[k]}
              </th>
            ))}
            {sortable('loss', m.tune.valLoss)}
            {sortable('accuracy', m.tune.valAccuracy)}
            <th scope="col">
              <span className="visually-hidden">{m.tune.loadRun}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isTraining = !!training && row.index >= training.first && row.index < training.last;
            return (
              <tr key={row.index} data-trial={row.index + 1}>
                <td className="tune-num">{m.format.int(row.index + 1)}</td>
                <td>{m.settings.optimizers[row.settings.optimizer]}</td>
                {SPACE_KEYS.map((k) => (
                  <td className="tune-num" key={k}>
                    {paramText(row.settings, k)}
                  </td>
                ))}
                {scoreCells(row, isTraining, m)}
                <td>
                  <button
                    type="button"
                    aria-label={m.tune.loadTrial(row.index + 1)}
                    title={loadBlocked ?? undefined}
                    disabled={loadBlocked !== null || !row.result?.validation}
                    onClick={() => onLoad(row)}
                  >
                    {m.tune.loadRun}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

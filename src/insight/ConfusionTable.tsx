// The confusion matrix as a real table: true digits down, predicted digits across, each cell a button
// (its count, or its share of the row) coloured by size; pressing one narrows the grid to its digits.
import { useId, useMemo, useState, type CSSProperties } from 'react';
import { useI18n } from '../i18n/I18n';
import type { ConfusionCell } from '../protocol';
import { NUM_CLASSES } from '../shared/mnist';
import { confusionView, DIGITS, sameCell } from './confusion';

interface Props {
  confusion: number[];
  cell: ConfusionCell | null;
  onPick(cell: ConfusionCell | null): void;
}

export function ConfusionTable({ confusion, cell, onPick }: Props) {
  const { m, f } = useI18n();
  const [rowNormalised, setRowNormalised] = useState(false);
  const view = useMemo(() => confusionView(confusion, rowNormalised), [confusion, rowNormalised]);
  const titleId = useId();
  const toggleId = useId();
  const text = (v: number) => (rowNormalised ? f.pct(v, 1) : f.int(v));
  return (
    <div className="insight-confusion">
      <div className="insight-confusion-head">
        <h3 id={titleId}>{m.insight.confusion}</h3>
        <span className="control-toggle">
          <input
            id={toggleId}
            type="checkbox"
            checked={rowNormalised}
            onChange={(e) => setRowNormalised(e.target.checked)}
          />
          <label htmlFor={toggleId}>{m.insight.rowNormalised}</label>
        </span>
      </div>
      {/* Scrolls sideways on a narrow screen; focusable so a keyboard can scroll it too. */}
      <div className="confusion-scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
        <table className="confusion-table" aria-labelledby={titleId} data-total={view.total}>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={NUM_CLASSES}>
                {m.insight.predicted}
              </th>
            </tr>
            <tr>
              <th scope="col">{m.insight.trueDigit}</th>
              {DIGITS.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DIGITS.map((label) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {DIGITS.map((predicted) => {
                  const i = label * NUM_CLASSES + predicted;
                  const here = { label, predicted };
                  const picked = sameCell(cell, here);
                  const level = view.levels[i]!;
                  const classes = [
                    'confusion-cell',
                    label === predicted ? 'confusion-hit' : 'confusion-miss',
                  ];
                  return (
                    <td
                      key={predicted}
                      className={classes.join(' ')}
                      data-count={confusion[i]}
                      style={{ '--level': level.toFixed(3) } as CSSProperties}
                    >
                      <button
                        type="button"
                        aria-pressed={picked}
                        aria-label={m.insight.cell(text(view.values[i]!), label, predicted)}
                        onClick={() => onPick(picked ? null : here)}
                      >
                        {text(view.values[i]!)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="confusion-summary">
        {m.insight.accuracy(
          f.pct(view.total > 0 ? view.correct / view.total : 0, 1),
          f.int(view.correct),
          f.int(view.total),
        )}
      </p>
    </div>
  );
}

// The random search: its form, Run (Cancel while it runs), its progress, the results table and the
// table's export. Trials come from the experiment's seed and the form, and start from the selected run's
// settings for what they do not draw (ε, Nesterov, bias correction).
import { useId, useMemo, useState } from 'react';
import { MAX_RUNS } from '../experiment/types';
import { useI18n } from '../i18n/I18n';
import type { RunSettings, SharedSettings } from '../shared/settings';
import { DEFAULT_SORT, sortRows, trialRows, trialsCsv, trialsJson, type TrialRow } from './results';
import type { SearchForm } from './form';
import { sampleTrials } from './sampler';
import { SearchFormFields } from './SearchForm';
import { runningJob, type TuneControls } from './store';
import { searchLine, tensorData } from './text';
import { TrialTable } from './TrialTable';

interface Props {
  tune: TuneControls;
  shared: SharedSettings;
  /** The selected run's settings: the trials' values for what they do not draw. */
  base: RunSettings;
  runCount: number;
  ready: boolean;
  form: SearchForm;
  onForm(form: SearchForm): void;
  onLoadRun(settings: RunSettings, name: string): void;
  onDownload(blob: Blob, name: (stamp: string) => string): void;
}

export function RandomSearch({
  tune,
  shared,
  base,
  runCount,
  ready,
  form,
  onForm,
  onLoadRun,
  onDownload,
}: Props) {
  const { m } = useI18n();
  const titleId = useId();
  // The bounds the last search drew from, for its JSON export.
  const [searched, setSearched] = useState(form.space);
  const [order, setOrder] = useState(DEFAULT_SORT);
  /** The name of the run a trial was last loaded as. */
  const [loaded, setLoaded] = useState<string | null>(null);
  const record = tune.snap.search;
  const busy = runningJob(tune.snap);
  const running = busy === 'search';
  const rows = useMemo(() => (record ? trialRows(record.trials, record.results) : []), [record]);
  const sorted = useMemo(() => sortRows(rows, order), [rows, order]);
  const p = record?.progress;
  const training = running && p ? { first: p.firstTrial, last: p.firstTrial + p.trialCount } : null;
  const loadBlocked =
    busy !== null ? m.tune.loadWhileRunning : runCount >= MAX_RUNS ? m.tune.runLimit(MAX_RUNS) : null;

  const start = () => {
    setLoaded(null);
    setSearched(form.space);
    const trials = sampleTrials(form.space, base, shared.seed, form.trials);
    tune.start(shared, { kind: 'search', trials, steps: form.steps });
  };
  const load = (row: TrialRow) => {
    const name = m.tune.trialRunName(row.index + 1, m.settings.optimizers[row.settings.optimizer]);
    onLoadRun(row.settings, name);
    setLoaded(name);
  };
  const save = (kind: 'csv' | 'json') => {
    if (!record) return;
    const text =
      kind === 'csv'
        ? trialsCsv(rows, record.steps, m)
        : trialsJson({ shared: record.shared, space: searched, steps: record.steps }, rows);
    const type = kind === 'csv' ? 'text/csv' : 'application/json';
    onDownload(new Blob([text], { type }), (stamp) => `mnist-search-${stamp}.${kind}`);
  };

  return (
    <section className="tune-part" aria-labelledby={titleId}>
      <h3 id={titleId}>{m.tune.searchTitle}</h3>
      <p className="tune-intro">{m.tune.searchIntro}</p>
      <SearchFormFields form={form} disabled={running} onForm={onForm} />
      <div className="tune-actions">
        {running ? (
          <button type="button" onClick={tune.cancel}>
            {m.tune.cancel}
          </button>
        ) : (
          <button type="button" className="primary" disabled={!ready || busy !== null} onClick={start}>
            {m.tune.searchRun}
          </button>
        )}
        <span className="tune-line" aria-live="polite" {...tensorData(record)}>
          {record ? searchLine(record, m) : ''}
        </span>
      </div>
      {record && (
        <>
          <TrialTable
            rows={sorted}
            order={order}
            training={training}
            loadBlocked={loadBlocked}
            onOrder={setOrder}
            onLoad={load}
          />
          <div className="tune-actions">
            <button type="button" onClick={() => save('csv')}>
              {m.tune.exportCsv}
            </button>
            <button type="button" onClick={() => save('json')}>
              {m.tune.exportJson}
            </button>
            <span aria-live="polite">{loaded && m.tune.loaded(loaded)}</span>
          </div>
        </>
      )}
    </section>
  );
}

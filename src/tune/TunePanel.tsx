// The Tune panel (below the charts, folded until opened): the learning-rate range test and the random
// search, both run by the worker while training is paused. Props in, callbacks out: the page hands in
// the selected run, its own setting-change path (the one the sliders use) and its add-run path.
import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import type { RunSettings, SettingChange, SharedSettings } from '../shared/settings';
import { DEFAULT_FORM, type SearchForm } from './form';
import { RandomSearch } from './RandomSearch';
import { RangeTest } from './RangeTest';
import type { TuneControls } from './store';
import './tune.css';

export interface TunePanelProps {
  tune: TuneControls;
  /** The experiment's shared settings: data, batch size, model and seed of every job. */
  shared: SharedSettings;
  /** The selected run: the range test starts from its settings and "Use this learning rate" sets its η. */
  run: { name: string; settings: RunSettings };
  runCount: number;
  /** All of MNIST is there (a search validates on it). */
  ready: boolean;
  onChange(change: SettingChange): void;
  /** The random search's form, which the link carries; a link that sets it opens the panel. */
  searchForm: SearchForm;
  onSearchForm(form: SearchForm): void;
  onLoadRun(settings: RunSettings, name: string): void;
  onDownload(blob: Blob, name: (stamp: string) => string): void;
}

export function TunePanel({
  tune,
  shared,
  run,
  runCount,
  ready,
  onChange,
  searchForm,
  onSearchForm,
  onLoadRun,
  onDownload,
}: TunePanelProps) {
  const { m } = useI18n();
  // Open at first when the link set up a search; the user folds and unfolds it from then on.
  const [openAtFirst] = useState(() => searchForm !== DEFAULT_FORM);
  return (
    <section className="tune" aria-label={m.tune.region}>
      <details open={openAtFirst || undefined}>
        <summary>{m.tune.title}</summary>
        <p className="tune-intro">{m.tune.intro}</p>
        {!ready && <p className="tune-note">{m.tune.waitingForData}</p>}
        <RangeTest tune={tune} shared={shared} run={run} ready={ready} onChange={onChange} />
        <RandomSearch
          tune={tune}
          shared={shared}
          base={run.settings}
          runCount={runCount}
          ready={ready}
          form={searchForm}
          onForm={onSearchForm}
          onLoadRun={onLoadRun}
          onDownload={onDownload}
        />
      </details>
    </section>
  );
}

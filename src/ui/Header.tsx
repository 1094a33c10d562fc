// The page title, which hardware trains (WebGL, or the CPU after an announced fallback), and the
// page's switches: language, view and theme.
import { memo } from 'react';
import { useI18n } from '../i18n/I18n';
import { DEFAULT_ACTIVATION, DEFAULT_MODEL, type Activation, type ModelName } from '../shared/model';
import type { BackendInfo } from '../protocol';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { ViewSwitch, type ViewSwitchProps } from './ViewSwitch';

interface Props extends ViewSwitchProps {
  backend: BackendInfo | null;
  /** The network the runs train (as the last Reset set it up). */
  net?: { model: ModelName; activation: Activation };
}

// memo: a slider key re-renders its control, not this section (its props do not change).
export const Header = memo(function Header({ backend, net, ...view }: Props) {
  const { m } = useI18n();
  return (
    <header>
      <h1>{m.page.title}</h1>
      <p className="subtitle">
        {m.page.architecture(net?.model ?? DEFAULT_MODEL, net?.activation ?? DEFAULT_ACTIVATION)} ·{' '}
        {m.page.subtitle(backend?.backend === 'cpu' ? m.page.deviceCpu : m.page.deviceWebgl)}
      </p>
      <div className="page-switches">
        <LanguageSwitch />
        <ViewSwitch {...view} />
        <ThemeSwitch />
      </div>
    </header>
  );
});

// The two places the runs train: MNIST (the standard or projector view) and the 2-D lab (`view=lab`).
import type { View } from '../config/pageKeys';
import { useI18n } from '../i18n/I18n';

export const VIEW_PANEL_ID = 'view-panel';

export function ViewTabs({ view, onView }: { view: View; onView(view: View): void }) {
  const { m } = useI18n();
  const lab = view === 'lab';
  return (
    // A landmark around the tabs, like every other part of the page (axe's region rule).
    <nav className="view-tabs" aria-label={m.page.tabs}>
      <div role="tablist" aria-label={m.page.tabs}>
        <button
          type="button"
          role="tab"
          aria-selected={!lab}
          aria-controls={VIEW_PANEL_ID}
          onClick={() => lab && onView('default')}
        >
          {m.page.tabMnist}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={lab}
          aria-controls={VIEW_PANEL_ID}
          onClick={() => onView('lab')}
        >
          {m.page.tabLab}
        </button>
      </div>
    </nav>
  );
}

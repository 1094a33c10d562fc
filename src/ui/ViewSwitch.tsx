// The "View" choice: the standard page, or the projector view (big charts, live controls only).
// Part of a shared link (`view=projector`), so a teacher can prepare the projected page in advance.
import { useId } from 'react';
import { VIEWS, type View } from '../config/pageKeys';
import { useI18n } from '../i18n/I18n';

export interface ViewSwitchProps {
  view: View;
  onView(view: View): void;
}

export function ViewSwitch({ view, onView }: ViewSwitchProps) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className="page-switch">
      <label htmlFor={id}>{m.page.view}</label>
      <select id={id} value={view} onChange={(e) => onView(VIEWS.find((v) => v === e.target.value) ?? view)}>
        {VIEWS.map((v) => (
          <option key={v} value={v}>
            {m.page.views[v]}
          </option>
        ))}
      </select>
    </div>
  );
}

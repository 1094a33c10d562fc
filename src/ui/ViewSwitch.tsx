// The "View" choice: the standard page, or the projector view (big charts, live controls only).
// Part of a shared link (`view=projector`), so a teacher can prepare the projected page in advance.
import { VIEWS, type View } from '../config/pageKeys';
import { useI18n } from '../i18n/I18n';
import { PageSelect } from './PageSelect';

export interface ViewSwitchProps {
  view: View;
  onView(view: View): void;
}

export function ViewSwitch({ view, onView }: ViewSwitchProps) {
  const { m } = useI18n();
  return (
    <PageSelect label={m.page.view} value={view} options={VIEWS} names={m.page.views} onChange={onView} />
  );
}

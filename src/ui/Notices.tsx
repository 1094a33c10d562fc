// Dismissible notices: ignored link items, backend fallback, copy confirmations, errors.
import { useI18n } from '../i18n/I18n';
import { noticeId, type Notice } from './notice';

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(n: Notice): void }) {
  const { m } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div
          key={noticeId(n)}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'note'}
        >
          <div className="notice-body">
            <strong>{n.title(m)}</strong>
            {n.lines && n.lines.length > 0 && (
              <ul>
                {n.lines.map((l, i) => (
                  <li key={i}>{l(m)}</li>
                ))}
              </ul>
            )}
          </div>
          {n.action && (
            <button type="button" className="notice-action" onClick={n.action.run}>
              {n.action.label(m)}
            </button>
          )}
          <button
            type="button"
            className="notice-close"
            aria-label={m.notices.dismiss(n.title(m))}
            onClick={() => onDismiss(n)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

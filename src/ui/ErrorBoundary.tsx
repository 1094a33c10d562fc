// Last line of defence: a rendering bug shows a message and a way back instead of a blank page.
import { Component, type ContextType, type ReactNode } from 'react';
import { I18nContext } from '../i18n/I18n';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    const { m } = this.context;
    return (
      <div className="notice notice-error" role="alert">
        <strong>{m.page.crashed(this.state.error.message)}</strong>
        <p>
          <a href={window.location.pathname}>{m.page.openDefault}</a>
        </p>
      </div>
    );
  }
}

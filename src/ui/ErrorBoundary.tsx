// Last line of defence: a rendering bug shows a message and a way back instead of a blank page.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <strong>Something went wrong on this page: {this.state.error.message}</strong>
        <p>
          <a href={window.location.pathname}>Open the playground with default settings</a>
        </p>
      </div>
    );
  }
}

import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

interface Props {
  children: ReactNode;
  /** Changing it clears a shown error (e.g. on navigation). */
  resetKey?: string;
  /** For background parts with no screen: log the error, show nothing. */
  silent?: boolean;
}
interface State { error: Error | null }

/** Catches a screen's render errors so one broken view never blanks the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    if (this.props.silent) return null;
    return (
      <div role="alert" className="panel error-panel">
        <h2><FormattedMessage id="app.error.title" /></h2>
        <p><FormattedMessage id="app.error.body" /></p>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}><FormattedMessage id="app.error.retry" /></button>
      </div>
    );
  }
}

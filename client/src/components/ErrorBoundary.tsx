import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

/** A rendering bug shows a message and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Dojo page failed', error, info.componentStack);
  }

  render() {
    if (this.state.failed) {
      return (
        <div className="alert alert-danger" role="alert">
          <span className="alert-text">
            Something went wrong while showing this page. <a href="/">Back to the exercises</a>
          </span>
        </div>
      );
    }
    return this.props.children;
  }
}

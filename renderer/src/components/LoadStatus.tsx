import type { ReactNode } from 'react';
import type { LoadState } from '../use-load.js';

interface Props<T> {
  state: LoadState<T>;
  what: string;
  onRetry?: () => void;
  children: (value: T) => ReactNode;
}

/** The loading and error states every screen shares, announced to screen readers. */
export function LoadStatus<T>({ state, what, onRetry, children }: Props<T>) {
  if (state.status === 'loading') {
    return (
      <p className="status" role="status" aria-live="polite">
        Loading {what}…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="status status-error" role="alert">
        <p>
          Could not load {what}: {state.message}
        </p>
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return <>{children(state.value)}</>;
}

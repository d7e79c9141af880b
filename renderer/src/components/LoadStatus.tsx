import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadState } from '../use-load.js';

interface Props<T> {
  state: LoadState<T>;
  what: string;
  onRetry?: () => void;
  children: (value: T) => ReactNode;
}

/** The loading and error states every screen shares, announced to screen readers. */
export function LoadStatus<T>({ state, what, onRetry, children }: Props<T>) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <p className="status" role="status" aria-live="polite">
        {t('load.loading', { what })}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="status status-error" role="alert">
        <p>{t('load.failed', { what, message: state.message })}</p>
        {onRetry && (
          <button type="button" onClick={onRetry}>
            {t('load.retry')}
          </button>
        )}
      </div>
    );
  }
  return <>{children(state.value)}</>;
}

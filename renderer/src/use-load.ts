import { useEffect, useState } from 'react';

export type LoadState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** Loads one value for a screen; an answer for an older key is never shown for a newer one. */
export function useLoad<T>(key: string, load: () => Promise<T>): LoadState<T> {
  const [result, setResult] = useState<{ key: string; state: LoadState<T> }>();
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setResult({ key, state: { status: 'ready', value } }),
      (error: unknown) => current && setResult({ key, state: { status: 'error', message: (error as Error).message } }),
    );
    return () => {
      current = false;
    };
    // `load` is recreated each render; the key says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result?.key === key ? result.state : { status: 'loading' };
}

import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../../common/contract/bridge.js';
import type { ApiErrorBody, ApiResult } from '../../../common/contract/errors.js';
import { inLanguage } from '../learn.js';

export type PackUploadState<R> =
  | { status: 'idle' }
  | { status: 'working'; progress?: ImportProgress }
  | { status: 'done'; result: R }
  | { status: 'failed'; error: ApiErrorBody };

/** A finished upload as the screen shows it: the value, or the error with its message in the learner's language. */
export const outcomeOf = <R>(result: ApiResult<R>): PackUploadState<R> =>
  result.ok ? { status: 'done', result: result.value } : { status: 'failed', error: inLanguage(result.error) };

/**
 * A picked pack file sent on with progress (an import installs it, a publish sends it to the class server):
 * the upload's own progress, then the core's `progressEvent` bytes, then one outcome.
 */
export function usePackUpload<R>(progressEvent: 'pack-install-progress' | 'pack-publish-progress') {
  const [state, setState] = useState<PackUploadState<R>>({ status: 'idle' });

  // The core reports its part as events, in the desktop app and the browser alike.
  useEffect(
    () =>
      window.learn?.onEvent((event) => {
        if (event.type !== progressEvent) return;
        const { bytes, total } = event as { bytes: number; total: number };
        setState((s) =>
          s.status === 'working' ? { status: 'working', progress: { phase: 'install', bytes, total } } : s,
        );
      }),
    [progressEvent],
  );

  const run = async (send: (onProgress: (progress: ImportProgress) => void) => Promise<ApiResult<R>>) => {
    setState({ status: 'working' });
    const result = await send((progress) => setState({ status: 'working', progress }));
    setState(outcomeOf(result));
  };
  return [state, run] as const;
}

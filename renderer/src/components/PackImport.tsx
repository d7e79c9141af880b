import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../common/contract/bridge.js';
import { UNTRUSTED_KEY_WORDS } from '../../../common/contract/packs.js';
import type { InstallResult } from '../../../common/contract/packs.js';
import { hrefFor } from '../router.js';
import { ByteProgress } from './ByteProgress.js';

type State =
  | { status: 'idle' }
  | { status: 'working'; progress?: ImportProgress }
  | { status: 'done'; result: InstallResult }
  | { status: 'failed'; message: string };

/** Why an import failed and, when the key is not trusted, the way to the fix. */
export function ImportFailure({ message }: { message: string }) {
  return (
    <div role="alert" className="status-error">
      <p>{message}</p>
      {message.includes(UNTRUSTED_KEY_WORDS) && (
        <p>
          <Trans i18nKey="packImport.trustKey" components={{ a: <a href={hrefFor.settings()} /> }} />
        </p>
      )}
    </div>
  );
}

/** Import a signed pack from a file: upload (browser face) and install progress, then a clear outcome. */
export function PackImport({ session }: { session: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [allowDowngrade, setAllowDowngrade] = useState(false);

  // Install progress arrives as core events, in the desktop app and the browser alike.
  useEffect(
    () =>
      window.learn?.onEvent((event) => {
        if (event.type !== 'pack-install-progress') return;
        setState((s) => (s.status === 'working' ? { status: 'working', progress: { phase: 'install', ...event } } : s));
      }),
    [],
  );

  const importFile = async (file: File) => {
    setState({ status: 'working' });
    const result = await window.learn!.importPackFile(file, { allowDowngrade, session }, (progress) =>
      setState({ status: 'working', progress }),
    );
    setState(
      result.ok ? { status: 'done', result: result.value } : { status: 'failed', message: result.error.message },
    );
  };

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('packImport.heading')}</h2>
      <p className="status">{t('packImport.intro')}</p>
      <label className="file-pick">
        {t('packImport.choose')}
        <input
          type="file"
          accept=".lpack"
          data-testid="pack-file"
          disabled={state.status === 'working'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={allowDowngrade} onChange={(e) => setAllowDowngrade(e.target.checked)} />
        {t('packImport.allowDowngrade')}
      </label>
      {state.status === 'working' && (
        <ByteProgress
          label={state.progress?.phase === 'install' ? t('packImport.installing') : t('packImport.uploading')}
          bytes={state.progress?.bytes ?? 0}
          total={state.progress?.total ?? 0}
        />
      )}
      {state.status === 'done' && (
        <p role="status" className="success">
          {state.result.status !== 'installed'
            ? t('packImport.already', state.result)
            : state.result.previousVersion
              ? t('packImport.upgraded', { ...state.result, previous: state.result.previousVersion })
              : t('packImport.installed', state.result)}
        </p>
      )}
      {state.status === 'failed' && <ImportFailure message={state.message} />}
    </section>
  );
}

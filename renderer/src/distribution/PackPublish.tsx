import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../common/contract/bridge.js';
import type { PublishResult } from '../../../common/contract/distribution.js';
import { AdminGate } from '../components/AdminGate.js';
import { ByteProgress } from '../components/ByteProgress.js';
import { useLearner } from '../learner-store.js';

type State =
  | { status: 'idle' }
  | { status: 'working'; progress?: ImportProgress }
  | { status: 'done'; result: PublishResult }
  | { status: 'failed'; message: string };

/**
 * An admin publishes a signed .lpack on the class server this profile is linked to (as a server admin account):
 * every app signed in there then pulls it. The browser face uploads the file first; the core then sends it on.
 */
export function PackPublish() {
  const { t } = useTranslation();
  const learnerSession = useLearner((s) => s.current?.session);
  const [state, setState] = useState<State>({ status: 'idle' });

  // Sending to the class server reports its bytes as core events, in the desktop app and the browser alike.
  useEffect(
    () =>
      window.learn?.onEvent((event) => {
        if (event.type !== 'pack-publish-progress') return;
        setState((s) => (s.status === 'working' ? { status: 'working', progress: { phase: 'install', ...event } } : s));
      }),
    [],
  );

  const publish = async (file: File, session: string, learner: string) => {
    setState({ status: 'working' });
    const result = await window.learn!.publishPackFile(file, { session, learnerSession: learner }, (progress) =>
      setState({ status: 'working', progress }),
    );
    setState(
      result.ok ? { status: 'done', result: result.value } : { status: 'failed', message: result.error.message },
    );
  };

  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('distribution.publish.heading')}</h2>
      <p className="status">{t('distribution.publish.intro')}</p>
      <AdminGate says="publishPack">
        {(session) =>
          learnerSession ? (
            <label className="file-pick">
              {t('distribution.publish.choose')}
              <input
                type="file"
                accept=".lpack"
                data-testid="publish-file"
                disabled={state.status === 'working'}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void publish(file, session, learnerSession);
                }}
              />
            </label>
          ) : (
            <p className="status">{t('distribution.publish.noProfile')}</p>
          )
        }
      </AdminGate>
      {state.status === 'working' && (
        <ByteProgress
          label={
            state.progress?.phase === 'upload' ? t('distribution.publish.uploading') : t('distribution.publish.sending')
          }
          bytes={state.progress?.bytes ?? 0}
          total={state.progress?.total ?? 0}
        />
      )}
      {state.status === 'done' && (
        <p role="status" className="success">
          {state.result.status === 'published'
            ? t('distribution.publish.published', state.result)
            : t('distribution.publish.unchanged', state.result)}
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert" className="status-error">
          {state.message}
        </p>
      )}
    </section>
  );
}

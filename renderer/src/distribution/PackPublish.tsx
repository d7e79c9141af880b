import { useTranslation } from 'react-i18next';
import type { PublishResult } from '../../../common/contract/distribution.js';
import { AdminGate } from '../components/AdminGate.js';
import { ByteProgress } from '../components/ByteProgress.js';
import { usePackUpload } from '../components/use-pack-upload.js';
import { useLearner } from '../learner-store.js';
import { FilePick } from '../components/FilePick.js';

/**
 * An admin publishes a signed .lpack on the class server this profile is linked to (as a server admin account):
 * every app signed in there then pulls it. The browser face uploads the file first; the core then sends it on.
 */
export function PackPublish() {
  const { t } = useTranslation();
  const learnerSession = useLearner((s) => s.current?.session);
  const [state, run] = usePackUpload<PublishResult>('pack-publish-progress');

  const publish = (file: File, session: string, learner: string) =>
    run((onProgress) => window.learn!.publishPackFile(file, { session, learnerSession: learner }, onProgress));

  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('distribution.publish.heading')}</h2>
      <p className="status">{t('distribution.publish.intro')}</p>
      <AdminGate says="publishPack">
        {(session) =>
          learnerSession ? (
            <FilePick
              accept=".lpack"
              testId="publish-file"
              disabled={state.status === 'working'}
              onFile={(file) => void publish(file, session, learnerSession)}
            >
              {t('distribution.publish.choose')}
            </FilePick>
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
          {state.error.message}
        </p>
      )}
    </section>
  );
}

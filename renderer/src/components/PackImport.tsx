import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../common/contract/errors.js';
import { refusesUntrustedKey } from '../../../common/contract/packs.js';
import type { InstallResult } from '../../../common/contract/packs.js';
import { hrefFor } from '../router.js';
import { ByteProgress } from './ByteProgress.js';
import { usePackUpload } from './use-pack-upload.js';
import { FilePick } from './FilePick.js';

/** Why an import failed (said in the learner's language already) and, when the key is not trusted, the way to the fix. */
export function ImportFailure({ error }: { error: ApiErrorBody }) {
  return (
    <div role="alert" className="status-error">
      <p>{error.message}</p>
      {refusesUntrustedKey(error.messageI18n) && (
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
  const [state, run] = usePackUpload<InstallResult>('pack-install-progress');
  const [allowDowngrade, setAllowDowngrade] = useState(false);

  const importFile = (file: File) =>
    run((onProgress) => window.learn!.importPackFile(file, { allowDowngrade, session }, onProgress));

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('packImport.heading')}</h2>
      <p className="status">{t('packImport.intro')}</p>
      <FilePick
        accept=".lpack"
        testId="pack-file"
        disabled={state.status === 'working'}
        onFile={(file) => void importFile(file)}
      >
        {t('packImport.choose')}
      </FilePick>
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
      {state.status === 'failed' && <ImportFailure error={state.error} />}
    </section>
  );
}

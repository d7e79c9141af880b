import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { FolderInstallSummary } from '../../../common/contract/distribution.js';
import { AdminGate } from '../components/AdminGate.js';
import { formatPercent } from '../i18n/format.js';
import { learn } from '../learn.js';

/**
 * Every pack of a folder at once (an admin's USB stick): one bar for the whole folder, then a line per file. The
 * desktop app only: the browser face never takes a path on the machine it runs on.
 */
export function PackFolderInstall() {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [percent, setPercent] = useState<number>();
  const [summary, setSummary] = useState<FolderInstallSummary>();
  const [error, setError] = useState<string>();

  useEffect(
    () =>
      window.learn?.onEvent((event) => {
        if (event.type === 'pack-folder-progress') setPercent(Math.round(event.percent));
      }),
    [],
  );

  const install = (session: string) => (event: FormEvent) => {
    event.preventDefault();
    setSummary(undefined);
    setError(undefined);
    setPercent(0);
    void learn()
      .installPackFolder({ session, folder: folder.trim() })
      .then(setSummary, (e: unknown) => setError((e as Error).message))
      .finally(() => setPercent(undefined));
  };

  const count = (status: FolderInstallSummary['items'][number]['status']) =>
    summary?.items.filter((item) => item.status === status).length ?? 0;

  return (
    <section className="panel" aria-labelledby="folder-install-heading">
      <h2 id="folder-install-heading">{t('distribution.folder.heading')}</h2>
      <p className="status">{t('distribution.folder.intro')}</p>
      <AdminGate says="folderInstall">
        {(session) => (
          <form className="key-form" onSubmit={install(session)}>
            <label>
              {t('distribution.folder.label')}
              <input value={folder} onChange={(e) => setFolder(e.target.value)} required spellCheck={false} />
            </label>
            <button type="submit" disabled={percent !== undefined}>
              {t('distribution.folder.install')}
            </button>
          </form>
        )}
      </AdminGate>
      {percent !== undefined && (
        <label>
          {t('distribution.folder.installing')}
          <progress max={100} value={percent} aria-valuetext={formatPercent(percent)} />
        </label>
      )}
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
      {summary && (
        <div role="status">
          <p>
            {t('distribution.folder.summary', {
              installed: count('installed'),
              upgraded: count('upgraded'),
              skipped: count('skipped'),
              refused: count('refused'),
            })}
          </p>
          <ul className="distribution-outcomes">
            {summary.items.map((item) => (
              <li key={item.file} className={item.status === 'refused' ? 'status-error' : undefined}>
                {item.file}: {t(`distribution.folder.status.${item.status}`)}
                {item.packId ? ` ${item.packId} ${item.version}` : ''}
                {item.detail ? ` (${item.detail})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

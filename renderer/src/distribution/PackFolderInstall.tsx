import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { folderSummaryLine } from '../../../common/contract/distribution.js';
import type { FolderInstallSummary } from '../../../common/contract/distribution.js';
import { AdminGate } from '../components/AdminGate.js';
import { learn } from '../learn.js';

/**
 * Every pack of a folder at once (an admin's USB stick): one bar for the whole folder, then a line per file. The
 * desktop app only: the browser face never takes a path on the machine it runs on.
 */
export function PackFolderInstall() {
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

  return (
    <section className="panel" aria-labelledby="folder-install-heading">
      <h2 id="folder-install-heading">Install a folder of packs</h2>
      <p className="status">
        In the desktop app: every .lpack in the folder, newer versions only. The browser face takes no folder path on
        this machine; there, import packs one by one from the catalog.
      </p>
      <AdminGate what="install packs from a folder">
        {(session) => (
          <form className="key-form" onSubmit={install(session)}>
            <label>
              Folder (a USB stick, for example)
              <input value={folder} onChange={(e) => setFolder(e.target.value)} required spellCheck={false} />
            </label>
            <button type="submit" disabled={percent !== undefined}>
              Install every pack in it
            </button>
          </form>
        )}
      </AdminGate>
      {percent !== undefined && (
        <label>
          Installing
          <progress max={100} value={percent} aria-valuetext={`${percent}%`} />
        </label>
      )}
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
      {summary && (
        <div role="status">
          <p>{folderSummaryLine(summary)}</p>
          <ul className="distribution-outcomes">
            {summary.items.map((item) => (
              <li key={item.file} className={item.status === 'refused' ? 'status-error' : undefined}>
                {item.file}: {item.status}
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

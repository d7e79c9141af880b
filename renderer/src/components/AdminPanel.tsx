import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../admin-store.js';
import { learn } from '../learn.js';
import { useLoad } from '../use-load.js';
import { SandboxHelp } from './SandboxHelp.js';
import { formatTime } from '../i18n/format.js';

/** For an unlocked admin: whether this machine runs code, and the commands that fix it when it does not. */
function MachineHealth({ token }: { token: string }) {
  const { t } = useTranslation();
  const sandbox = useLoad(`sandbox-${token}`, () => learn().getPlaygroundStatus());
  if (sandbox.status !== 'ready') return null;
  return sandbox.value.canRun ? (
    <p className="status">{t('admin.sandboxReady')}</p>
  ) : (
    <div className="status status-error sandbox-state" role="status">
      <SandboxHelp status={sandbox.value} admin />
    </div>
  );
}

/** Settings' admin section: set a password on a fresh machine, unlock, lock, change the password. */
export function AdminPanel() {
  const { t } = useTranslation();
  const { status, unlocked, refresh, openDialog, lock } = useAdmin();
  useEffect(() => void refresh(), [refresh]);
  if (!status) return null;
  return (
    <section className="panel" aria-labelledby="admin-heading">
      <h2 id="admin-heading">{t('admin.heading')}</h2>
      {!status.passwordSet ? (
        <p className="admin-explain" role="status">
          {t('admin.fresh')}{' '}
          <button type="button" onClick={openDialog}>
            {t('admin.setPassword')}
          </button>
        </p>
      ) : unlocked ? (
        <>
          <p role="status">
            {t('admin.unlockedUntil', { time: formatTime(unlocked.expiresAt) })}{' '}
            <button type="button" onClick={() => void lock()}>
              {t('admin.lock')}
            </button>{' '}
            <button type="button" onClick={openDialog}>
              {t('admin.changePassword')}
            </button>
          </p>
          <MachineHealth token={unlocked.session} />
        </>
      ) : (
        <p>
          {t('admin.locked')}{' '}
          <button type="button" onClick={openDialog}>
            {t('admin.unlock')}
          </button>
        </p>
      )}
    </section>
  );
}

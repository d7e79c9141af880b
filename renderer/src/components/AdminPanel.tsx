import { useEffect } from 'react';
import { useAdmin } from '../admin-store.js';
import { learn } from '../learn.js';
import { useLoad } from '../use-load.js';
import { SandboxHelp } from './SandboxHelp.js';
import { formatTime } from '../i18n/format.js';

/** For an unlocked admin: whether this machine runs code, and the commands that fix it when it does not. */
function MachineHealth({ token }: { token: string }) {
  const sandbox = useLoad(`sandbox-${token}`, () => learn().getPlaygroundStatus());
  if (sandbox.status !== 'ready') return null;
  return sandbox.value.canRun ? (
    <p className="status">The code sandbox is ready on this machine.</p>
  ) : (
    <div className="status status-error sandbox-state" role="status">
      <SandboxHelp status={sandbox.value} admin />
    </div>
  );
}

/** Settings' admin section: set a password on a fresh machine, unlock, lock, change the password. */
export function AdminPanel() {
  const { status, unlocked, refresh, openDialog, lock } = useAdmin();
  useEffect(() => void refresh(), [refresh]);
  if (!status) return null;
  return (
    <section className="panel" aria-labelledby="admin-heading">
      <h2 id="admin-heading">Machine admin</h2>
      {!status.passwordSet ? (
        <p className="admin-explain" role="status">
          Set an admin password to protect this machine. Until then, installing and removing packs, trusting keys and
          removing profiles ask for one to be set first.{' '}
          <button type="button" onClick={openDialog}>
            Set an admin password
          </button>
        </p>
      ) : unlocked ? (
        <>
          <p role="status">
            Admin is unlocked until {formatTime(unlocked.expiresAt)}.{' '}
            <button type="button" onClick={() => void lock()}>
              Lock admin
            </button>{' '}
            <button type="button" onClick={openDialog}>
              Change the admin password
            </button>
          </p>
          <MachineHealth token={unlocked.session} />
        </>
      ) : (
        <p>
          Learners use this machine; installing, removing and switching packs, trusting keys and removing profiles are
          for its admin.{' '}
          <button type="button" onClick={openDialog}>
            Unlock admin
          </button>
        </p>
      )}
    </section>
  );
}

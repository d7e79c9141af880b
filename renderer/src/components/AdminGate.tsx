import type { ReactNode } from 'react';
import { useAdmin } from '../admin-store.js';

/**
 * What only an admin may do: the controls when admin is unlocked, else a sentence saying who can
 * and a button to unlock (or, on a fresh machine, to set the admin password first).
 */
export function AdminGate({ what, children }: { what: string; children: (session: string) => ReactNode }) {
  const { status, unlocked, openDialog } = useAdmin();
  if (unlocked) return <>{children(unlocked.session)}</>;
  const fresh = status?.passwordSet === false;
  return (
    <p className="admin-explain">
      Only a machine admin can {what}.{' '}
      {fresh ? 'This machine has no admin password yet: set one first. ' : 'Ask your teacher or lab admin, or '}
      <button type="button" onClick={openDialog}>
        {fresh ? 'Set an admin password' : 'Unlock admin'}
      </button>
    </p>
  );
}

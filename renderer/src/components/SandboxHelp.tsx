import { useTranslation } from 'react-i18next';
import type { PlaygroundStatus } from '../../../common/contract/playground.js';

/**
 * Why code cannot run, worded for who is reading: a learner is told what still works and who can fix
 * it; the admin's commands appear only while an admin session is unlocked (a learner cannot run them).
 */
export function SandboxHelp({ status, admin }: { status: PlaygroundStatus; admin: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <strong>{t('sandbox.cannotRun')}</strong> {status.message}
      </p>
      {status.help && <p>{status.help}</p>}
      {admin && status.fix && (
        <p className="admin-fix">
          <strong>{t('sandbox.forAdmin')}</strong> {status.fix}
        </p>
      )}
    </>
  );
}

import type { PlaygroundStatus } from '../../../common/contract/playground.js';

/**
 * Why code cannot run, worded for who is reading: a learner is told what still works and who can fix
 * it; the admin's commands appear only while an admin session is unlocked (a learner cannot run them).
 */
export function SandboxHelp({ status, admin }: { status: PlaygroundStatus; admin: boolean }) {
  return (
    <>
      <p>
        <strong>Code cannot run right now.</strong> {status.message}
      </p>
      {status.help && <p>{status.help}</p>}
      {admin && status.fix && (
        <p className="admin-fix">
          <strong>For the admin:</strong> {status.fix}
        </p>
      )}
    </>
  );
}

import { asField, say } from '../../common/i18n/message.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../infra/log/logger.js';
import { ServerError } from '../http/server-error.js';
import type { SqlStore } from '../storage/sql-store.js';
import { AccountStore } from './account-store.js';
import { emptyDocumentState, inboxItemUpdate, learnerDocuments } from '../documents/learner-documents.js';
import { hashPassword } from './password-hashing.js';
import type { Role } from './roles.js';
import { runSaga } from './run-saga.js';
import type { SagaStep } from './run-saga.js';

export type RegistrationStep = 'create-account' | 'create-documents' | 'welcome' | 'activate';

/**
 * Test seam: called after each step's write. Throwing there fails the step after it wrote, the hardest case
 * for the undo; awaiting there holds the registration half way.
 */
export type RegistrationFault = (step: RegistrationStep, accountId: string) => void | Promise<void>;

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
}

/**
 * Registration as a saga: a pending account, its documents (prefs, notes, inbox), a welcome note in the inbox,
 * then activation. A failure undoes what was written, in reverse, so the email can register again; login
 * refuses an account until it is active.
 */
export class Registration {
  constructor(
    private readonly store: SqlStore,
    private readonly logger: Logger,
    private readonly now: () => Date,
    private readonly fault?: RegistrationFault,
  ) {}

  async register({ email, password, displayName }: NewAccount, role: Role = 'learner'): Promise<{ accountId: string }> {
    // Before any write: the slow part, and it cannot leave anything behind.
    const passwordHash = await hashPassword(password);
    const accountId = randomUUID();
    const at = this.now();
    const docs = learnerDocuments(accountId);
    const accounts = new AccountStore(this.store);
    const docNames = [docs.prefs, docs.notes, docs.inbox];

    const steps: SagaStep<RegistrationStep>[] = [
      {
        name: 'create-account',
        run: async () => {
          const created = await accounts.insertPending({
            id: accountId,
            email,
            displayName,
            passwordHash,
            role,
            at: +at,
          });
          if (!created) throw new ServerError('conflict', say('server-email-taken'));
        },
        undo: () => accounts.delete(accountId),
      },
      {
        name: 'create-documents',
        run: () =>
          this.store.transaction(async (tx) => {
            for (const doc of docNames) {
              await tx.run('INSERT INTO doc_snapshots (doc, data, upto_id, updated_at) VALUES (?, ?, 0, ?)', [
                doc,
                Buffer.from(emptyDocumentState()),
                +at,
              ]);
            }
          }),
        undo: async () => {
          await this.store.run('DELETE FROM doc_snapshots WHERE doc IN (?, ?, ?)', docNames);
        },
      },
      {
        name: 'welcome',
        run: async () => {
          const update = inboxItemUpdate({
            id: randomUUID(),
            kind: 'welcome',
            ...asField('title', say('server-welcome', { name: displayName })),
            ...asField('body', say('server-welcome-body')),
            at: at.toISOString(),
          });
          await this.store.run('INSERT INTO doc_updates (doc, data, created_at) VALUES (?, ?, ?)', [
            docs.inbox,
            Buffer.from(update),
            +at,
          ]);
        },
        // By document, not by row id: the id is unknown when the insert committed but its answer was lost.
        undo: async () => {
          await this.store.run('DELETE FROM doc_updates WHERE doc = ?', [docs.inbox]);
        },
      },
      {
        name: 'activate',
        run: () => accounts.setStatus(accountId, 'active'),
        undo: () => accounts.setStatus(accountId, 'pending'),
      },
    ];

    await runSaga(steps, {
      afterStep: this.fault && ((step) => this.fault!(step, accountId)),
      onUndoFailed: (step, error) =>
        this.logger.error({ err: error, step, accountId }, 'registration could not undo a step; rows may remain'),
    });
    return { accountId };
  }
}

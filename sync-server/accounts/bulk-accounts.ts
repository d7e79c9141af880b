import { say } from '../../common/i18n/message.js';
import { JOIN_CODE_LENGTH, normalizeJoinCode } from '../../common/contract/classes.js';
import type { BulkAccountResult, BulkAccountsAnswer, BulkAccountsRequest } from '../../common/contract/classes.js';
import type { Classes } from '../classes/classes.js';
import { ServerError } from '../http/server-error.js';
import type { SqlStore } from '../storage/sql-store.js';
import { AccountStore } from './account-store.js';
import { displayNameSchema, emailSchema, newPasswordSchema } from './credential-schemas.js';
import type { Registration } from './registration.js';

const firstIssue = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message ?? 'invalid';

/**
 * An admin creates a lab's learner accounts at once. Idempotent: an email that already has an account is
 * reported as existing and left as it is (its password unchanged), so running the same file again is safe.
 * Each account goes through the same registration as a learner registering, one after the other.
 */
export class BulkAccounts {
  constructor(
    private readonly store: SqlStore,
    private readonly registration: Registration,
    private readonly classes: Classes,
  ) {}

  async create({ accounts: rows, classJoinCode }: BulkAccountsRequest): Promise<BulkAccountsAnswer> {
    // Checked before any account is made: a wrong code must not leave half a lab created and unenrolled.
    const target = classJoinCode === undefined ? undefined : await this.classOf(classJoinCode);
    const accounts = new AccountStore(this.store);
    const seen = new Map<string, number>();
    const results: BulkAccountResult[] = [];
    for (const [index, row] of rows.entries()) {
      const refuse = (reason: string, email = row.email) =>
        results.push({ index, email, outcome: 'refused', reason, accountId: null });
      const email = emailSchema.safeParse(row.email);
      if (!email.success) {
        refuse(`email: ${firstIssue(email)}`);
        continue;
      }
      const earlier = seen.get(email.data);
      if (earlier !== undefined) {
        refuse(`the same email as row ${earlier + 1}`, email.data);
        continue;
      }
      seen.set(email.data, index);
      const displayName = displayNameSchema.safeParse(row.displayName);
      const password = newPasswordSchema.safeParse(row.password);
      const existing = await accounts.findByEmail(email.data);
      let accountId: string;
      let outcome: BulkAccountResult['outcome'];
      if (existing) {
        ({ id: accountId } = existing);
        outcome = 'existed';
      } else if (!displayName.success) {
        refuse(`name: ${firstIssue(displayName)}`, email.data);
        continue;
      } else if (!password.success) {
        refuse(`password: ${firstIssue(password)}`, email.data);
        continue;
      } else {
        try {
          ({ accountId } = await this.registration.register({
            email: email.data,
            displayName: displayName.data,
            password: password.data,
          }));
          outcome = 'created';
        } catch (error) {
          // Registered by someone else meanwhile: it exists now, as on a re-run.
          if (!(error instanceof ServerError && error.code === 'conflict')) throw error;
          const raced = await accounts.findByEmail(email.data);
          if (!raced) throw error;
          accountId = raced.id;
          outcome = 'existed';
        }
      }
      if (target) await this.classes.addMember(this.store, target.id, accountId);
      results.push({
        index,
        email: email.data,
        outcome,
        reason: null,
        accountId,
      });
    }
    return { results, className: target?.name ?? null };
  }

  private async classOf(typed: string): Promise<{ id: string; name: string }> {
    const joinCode = normalizeJoinCode(typed);
    const found = joinCode.length === JOIN_CODE_LENGTH ? await this.classes.byJoinCode(joinCode) : undefined;
    if (!found) throw new ServerError('not-found', say('server-join-code-nothing-created', { code: typed }));
    return found;
  }
}

import type { AccountRoles } from './account-roles.js';
import type { AccountStore } from './account-store.js';
import type { Assignments } from '../classes/assignments.js';
import type { BulkAccounts } from './bulk-accounts.js';
import type { Classes } from '../classes/classes.js';
import type { PasswordChange } from './password-change.js';
import type { RefreshTokens } from './refresh-tokens.js';
import type { Registration } from './registration.js';
import type { Sessions } from './sessions.js';

/** The account services server.ts wires; the routes and other server parts use them through this object. */
export interface AccountServices {
  accounts: AccountStore;
  registration: Registration;
  sessions: Sessions;
  refreshTokens: RefreshTokens;
  passwordChange: PasswordChange;
  roles: AccountRoles;
  classes: Classes;
  assignments: Assignments;
  bulkAccounts: BulkAccounts;
}

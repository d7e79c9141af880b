import type { SqlRunner } from '../storage/sql-store.js';
import type { Role } from './roles.js';

export type AccountStatus = 'pending' | 'active';

/** What the account routes show about an account. */
export interface PublicAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface StoredAccount extends PublicAccount {
  status: AccountStatus;
  passwordHash: string;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  status: AccountStatus;
}

const toAccount = (row: AccountRow): StoredAccount => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  status: row.status,
  passwordHash: row.password_hash,
});

export const publicAccount = ({ id, email, displayName, role }: PublicAccount): PublicAccount => ({
  id,
  email,
  displayName,
  role,
});

const columns = 'id, email, display_name, password_hash, role, status';

/** The accounts table. Built over the store, or over a transaction to write alongside other tables. */
export class AccountStore {
  constructor(private readonly db: SqlRunner) {}

  async find(id: string): Promise<StoredAccount | undefined> {
    const row = await this.db.get<AccountRow>(`SELECT ${columns} FROM accounts WHERE id = ?`, [id]);
    return row && toAccount(row);
  }

  /** `email` as the routes normalize it (trimmed, lower case). */
  async findByEmail(email: string): Promise<StoredAccount | undefined> {
    const row = await this.db.get<AccountRow>(`SELECT ${columns} FROM accounts WHERE email = ?`, [email]);
    return row && toAccount(row);
  }

  /** False when the email is taken: the unique index decides, so two registrations racing cannot both win. */
  async insertPending(account: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    at: number;
  }): Promise<boolean> {
    const { changes } = await this.db.run(
      `INSERT INTO accounts (id, email, display_name, password_hash, role, status, created_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (email) DO NOTHING`,
      [account.id, account.email, account.displayName, account.passwordHash, account.role, account.at, account.at],
    );
    return changes === 1;
  }

  async setStatus(id: string, status: AccountStatus): Promise<void> {
    await this.db.run('UPDATE accounts SET status = ? WHERE id = ?', [status, id]);
  }

  /** Removes the account and, by cascade, its refresh families and class memberships. */
  async delete(id: string): Promise<void> {
    await this.db.run('DELETE FROM accounts WHERE id = ?', [id]);
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.db.run('UPDATE accounts SET role = ? WHERE id = ?', [role, id]);
  }

  /**
   * Replaces the password hash only if it is still `verified`, the one the current password was checked against:
   * of two changes racing, the one that checked a password replaced meanwhile does nothing. False then.
   */
  async replacePasswordHash(id: string, verified: string, passwordHash: string, at: number): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE id = ? AND password_hash = ?',
      [passwordHash, at, id, verified],
    );
    return changes === 1;
  }

  /**
   * The current password hash, read inside a transaction that then depends on it. On PostgreSQL the row stays
   * locked until that transaction ends, so a password change waits for it (SQLite transactions are serial).
   */
  async passwordHashForUpdate(id: string): Promise<string | undefined> {
    const lock = this.db.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const row = await this.db.get<{ password_hash: string }>(`SELECT password_hash FROM accounts WHERE id = ?${lock}`, [
      id,
    ]);
    return row?.password_hash;
  }

  async countActiveAdmins(): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND status = 'active'",
    );
    return Number(row?.n ?? 0);
  }
}

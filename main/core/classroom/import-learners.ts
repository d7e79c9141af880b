import { bulkAccountsAnswerSchema } from '../../../common/contract/classes.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import { authClient } from '../sync/auth-client.js';
import type { AuthClient } from '../sync/auth-client.js';
import { callClassServer } from './class-server-client.js';
import { readRoster } from './learner-roster.js';
import { signInCardsHtml } from './sign-in-cards.js';
import type { SignInCard } from './sign-in-cards.js';

export interface ImportedRow {
  /** The record number in the file (header included). */
  row: number;
  email: string;
  outcome: 'created' | 'existed' | 'refused';
  reason: string | null;
}

export interface LearnerImport {
  rows: ImportedRow[];
  /** The printable cards of everyone created or existing; null when nobody was. */
  cardsHtml: string | null;
}

/**
 * `lionlearn admin import-learners`: signs in as a server admin, creates the roster's accounts in one request
 * (the server decides each row and is idempotent), and makes a sign-in card for each account that now exists.
 */
export async function importLearners({
  serverUrl,
  adminEmail,
  adminPassword,
  csv,
  classCode,
  auth = authClient,
}: {
  serverUrl: string;
  adminEmail: string;
  adminPassword: string;
  csv: string;
  classCode?: string;
  auth?: AuthClient;
}): Promise<LearnerImport> {
  const url = serverUrl.replace(/\/+$/, '');
  const roster = readRoster(csv);
  const skipped: ImportedRow[] = roster.skipped.map(({ row, reason }) => ({
    row,
    email: '',
    outcome: 'refused',
    reason,
  }));
  if (roster.rows.length === 0) return { rows: skipped, cardsHtml: null };
  const session = await auth.login(url, adminEmail, adminPassword).catch((error: Error) => {
    throw new LearnError('forbidden', say('roster-sign-in-refused', { reason: error.message }));
  });
  if (session.account.role !== 'admin') {
    throw new LearnError('forbidden', say('roster-not-admin', { email: adminEmail, server: url }));
  }
  try {
    const answer = bulkAccountsAnswerSchema.parse(
      await callClassServer(url, 'POST', '/admin/accounts/bulk', {
        token: session.accessToken,
        body: {
          accounts: roster.rows.map(({ name, email, password }) => ({ email, displayName: name, password })),
          ...(classCode === undefined ? {} : { classJoinCode: classCode }),
        },
      }),
    );
    const cards: SignInCard[] = [];
    const rows = answer.results.map(({ index, email, outcome, reason }) => {
      const given = roster.rows[index]!;
      if (outcome !== 'refused') {
        cards.push({ name: given.name, email, password: outcome === 'created' ? given.password : null });
      }
      return { row: given.row, email, outcome, reason };
    });
    return {
      rows: [...rows, ...skipped].sort((a, b) => a.row - b.row),
      cardsHtml: cards.length === 0 ? null : signInCardsHtml({ serverUrl: url, className: answer.className, cards }),
    };
  } finally {
    await auth.logout(url, session.refreshToken).catch(() => undefined);
  }
}

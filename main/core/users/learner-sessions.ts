import { randomBytes } from 'node:crypto';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';

/** What a session token stands for: one learner's open profile, or the machine admin until a time. */
type Holder = { role: 'learner'; learnerId: string } | { role: 'admin'; expiresAt: number };

/**
 * Open sessions: an unguessable token per opened profile or admin unlock. The token carries its
 * role, so a learner's session never passes for an admin's. Every learner call names its session,
 * never a learner id, so one learner cannot reach another's data through the API.
 * In memory on purpose: closing the app closes every session.
 */
export class LearnerSessions {
  readonly #holders = new Map<string, Holder>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  open(learnerId: string): string {
    return this.#add({ role: 'learner', learnerId });
  }

  /** An admin session that ends by itself at `expiresAt`. */
  openAdmin(expiresAt: Date): string {
    return this.#add({ role: 'admin', expiresAt: expiresAt.getTime() });
  }

  learnerOf(session: string): string {
    const holder = this.#holders.get(session);
    if (holder?.role === 'learner') return holder.learnerId;
    throw new LearnError('forbidden', say('profile-not-open'));
  }

  /** Throws 'forbidden', saying an admin must do it, unless `session` is a live admin session. */
  requireAdmin(session: string | undefined): void {
    const holder = session === undefined ? undefined : this.#holders.get(session);
    if (holder?.role === 'admin' && holder.expiresAt > this.now().getTime()) return;
    if (holder?.role === 'admin') {
      this.#holders.delete(session!);
      throw new LearnError('forbidden', say('admin-session-ended'));
    }
    throw new LearnError('forbidden', say('admin-required'));
  }

  /** Learners whose profile is open here now (desktop alerts are for them, not for every profile on a lab machine). */
  openLearners(): Set<string> {
    const open = new Set<string>();
    for (const holder of this.#holders.values()) if (holder.role === 'learner') open.add(holder.learnerId);
    return open;
  }

  close(session: string): void {
    this.#holders.delete(session);
  }

  closeAllOf(learnerId: string): void {
    for (const [token, holder] of this.#holders)
      if (holder.role === 'learner' && holder.learnerId === learnerId) this.#holders.delete(token);
  }

  /** Ends an admin session; a learner's token given here is left alone. */
  closeAdmin(session: string): void {
    if (this.#holders.get(session)?.role === 'admin') this.#holders.delete(session);
  }

  /** Ends every admin session (a new admin password was set). */
  closeAdmins(): void {
    for (const [token, holder] of this.#holders) if (holder.role === 'admin') this.#holders.delete(token);
  }

  #add(holder: Holder): string {
    const token = randomBytes(32).toString('base64url');
    this.#holders.set(token, holder);
    return token;
  }
}

import type { Learner, LearnerSummary, Preferences, Profile } from '../../../common/contract/learners.js';
import { preferencesSchema, profileSchema } from '../../../common/contract/learners.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

interface LearnerRow {
  id: string;
  display_name: string;
  avatar: string;
  goals: string;
  preferences: string;
  pin_hash: string | null;
  failed_pins: number;
  locked_until: string | null;
  created_at: string;
}

export interface StoredLearner extends Learner {
  pinHash: string | null;
  failedPins: number;
  lockedUntil: string | null;
}

const toLearner = (row: LearnerRow): StoredLearner => ({
  id: row.id,
  displayName: row.display_name,
  avatar: row.avatar,
  goals: JSON.parse(row.goals) as string[],
  // Parsed, so preferences added in a later version get their defaults.
  preferences: preferencesSchema.parse(JSON.parse(row.preferences)),
  hasPin: row.pin_hash !== null,
  createdAt: row.created_at,
  pinHash: row.pin_hash,
  failedPins: row.failed_pins,
  lockedUntil: row.locked_until,
});

/** The learners table: profiles, preferences, PIN hashes and the PIN lockout counters. */
export class LearnerStore {
  constructor(private readonly db: SqliteDatabase) {}

  list(): LearnerSummary[] {
    const rows = this.db
      .prepare('SELECT * FROM learners ORDER BY display_name COLLATE NOCASE, id')
      .all() as LearnerRow[];
    return rows.map((row) => {
      const { id, displayName, avatar, hasPin, createdAt } = toLearner(row);
      return { id, displayName, avatar, hasPin, createdAt };
    });
  }

  find(id: string): StoredLearner | undefined {
    const row = this.db.prepare('SELECT * FROM learners WHERE id = ?').get(id) as LearnerRow | undefined;
    return row && toLearner(row);
  }

  insert(learner: {
    id: string;
    profile: Profile;
    preferences: Preferences;
    pinHash: string | null;
    createdAt: string;
  }) {
    const profile = profileSchema.parse(learner.profile);
    this.db
      .prepare(
        `INSERT INTO learners (id, display_name, avatar, goals, preferences, pin_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        learner.id,
        profile.displayName,
        profile.avatar,
        JSON.stringify(profile.goals),
        JSON.stringify(learner.preferences),
        learner.pinHash,
        learner.createdAt,
      );
  }

  updateProfile(id: string, profile: Profile): void {
    this.db
      .prepare('UPDATE learners SET display_name = ?, avatar = ?, goals = ? WHERE id = ?')
      .run(profile.displayName, profile.avatar, JSON.stringify(profile.goals), id);
  }

  updatePreferences(id: string, preferences: Preferences): void {
    this.db.prepare('UPDATE learners SET preferences = ? WHERE id = ?').run(JSON.stringify(preferences), id);
  }

  setPinHash(id: string, pinHash: string | null): void {
    this.db
      .prepare('UPDATE learners SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?')
      .run(pinHash, id);
  }

  recordPinResult(id: string, failedPins: number, lockedUntil: string | null): void {
    this.db
      .prepare('UPDATE learners SET failed_pins = ?, locked_until = ? WHERE id = ?')
      .run(failedPins, lockedUntil, id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM learners WHERE id = ?').run(id);
  }
}

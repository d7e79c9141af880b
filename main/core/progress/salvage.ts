import Database from 'better-sqlite3';
import { learnerExportHeaderSchema, preferencesSchema } from '../../../common/contract/learners.js';
import type { LearnerStore } from '../users/learner-store.js';
import { rowToEvent } from './progress-log.js';
import type { EventRow, ProgressLog } from './progress-log.js';

const learnerOf = (row: Record<string, unknown>) =>
  learnerExportHeaderSchema.shape.learner.safeParse({
    id: row.id,
    createdAt: row.created_at,
    profile: { displayName: row.display_name, avatar: row.avatar, goals: JSON.parse(String(row.goals)) },
    preferences: preferencesSchema.parse(JSON.parse(String(row.preferences))),
    pinHash: row.pin_hash ?? null,
  });

/**
 * Reads what can still be read from a damaged database, row by row, and keeps every learner and
 * event that passes its schema (the log checks the events, and skips the ones it refuses). Stops quietly at the first unreadable page: the rest stays in the
 * kept file for an expert to look at.
 */
export function salvageLearners(file: string, learners: LearnerStore, log: ProgressLog) {
  let learnersRecovered = 0;
  let eventsRecovered = 0;
  let source: Database.Database | undefined;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
    for (const row of source.prepare('SELECT * FROM learners').iterate() as Iterable<Record<string, unknown>>) {
      try {
        const parsed = learnerOf(row);
        if (parsed.success && !learners.find(parsed.data.id)) {
          learners.insert(parsed.data);
          learnersRecovered += 1;
        }
      } catch {
        // A row that does not parse is left in the kept file.
      }
    }
    const batch: unknown[] = [];
    const flush = () => {
      eventsRecovered += log.append(batch.splice(0), { onRefused: () => undefined }).appended;
    };
    const rows = source.prepare('SELECT * FROM events').iterate() as Iterable<EventRow>;
    try {
      for (const row of rows) {
        try {
          const event = rowToEvent(row);
          if (learners.find(event.userId)) batch.push(event);
        } catch {
          // As above.
        }
        if (batch.length >= 1000) flush();
      }
    } finally {
      flush();
    }
  } catch {
    // Unreadable from here on: keep what was recovered.
  } finally {
    source?.close();
  }
  return { learnersRecovered, eventsRecovered };
}

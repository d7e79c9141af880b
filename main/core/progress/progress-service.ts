import { v7 as uuidv7 } from 'uuid';
import type { LearnService } from '../../../common/contract/api.js';
import type { ProgressEvent, TrackInput } from '../../../common/contract/progress.js';
import type { StructureStore } from '../content/structure-store.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import type { ProgressLog } from './progress-log.js';
import type { ProgressReader } from './progress-reader.js';

export type ProgressService = Pick<
  LearnService,
  'trackProgress' | 'updateUserProgress' | 'getUserProgress' | 'getProgressSummary'
>;

// uuid draws its random bytes one id at a time; a pool filled in one call is several times cheaper.
const pool = new Uint8Array(16 * 256);
let used = pool.length;
const newEventId = () => {
  if (used === pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  used += 16;
  return uuidv7({ random: pool.subarray(used - 16, used) });
};

const SKILLED = new Set<TrackInput['type']>(['ExerciseSubmitted', 'QuizAnswered']);

const aggregateOf = (input: TrackInput): string => {
  const data = input.data as Record<string, unknown>;
  const id = data.lessonId ?? data.exerciseId ?? data.quizItemId ?? data.assessmentId ?? data.skillId;
  return String(id);
};

interface Deps {
  sessions: LearnerSessions;
  log: ProgressLog;
  reader: ProgressReader;
  structure: Pick<StructureStore, 'skillsOf'>;
  now: () => Date;
}

/** The seed's progress tracking: faces send what happened, the core stamps it, logs it and projects it. */
export function createProgressService({ sessions, log, reader, structure, now }: Deps): ProgressService {
  const toEvent = (
    userId: string,
    input: TrackInput,
    skillsOf = (id: string) => structure.skillsOf(id),
  ): ProgressEvent => {
    const data: Record<string, unknown> = { ...input.data };
    // Skills are copied into the event from the pack, so the log alone rebuilds mastery.
    if (SKILLED.has(input.type) && !(data.skills as string[] | undefined)?.length) {
      data.skills = skillsOf(aggregateOf(input));
    }
    // Inputs were checked against their schema by the face; the core only stamps them.
    return {
      eventId: input.eventId ?? newEventId(),
      type: input.type,
      aggregateId: aggregateOf(input),
      userId,
      timestamp: input.timestamp ?? now().toISOString(),
      data,
      version: 1,
    } as ProgressEvent;
  };

  return {
    trackProgress: async ({ session, event }) => {
      const userId = sessions.learnerOf(session);
      return log.append([toEvent(userId, event)]);
    },

    updateUserProgress: async ({ session, events }) => {
      const userId = sessions.learnerOf(session);
      // A batch names the same few items again and again: look each one's skills up once.
      const known = new Map<string, string[]>();
      const skillsOf = (id: string) => known.get(id) ?? known.set(id, structure.skillsOf(id)).get(id)!;
      return log.append(events.map((e) => toEvent(userId, e, skillsOf)));
    },

    getUserProgress: async ({ session }) => reader.userProgress(sessions.learnerOf(session)),

    getProgressSummary: async ({ session, tzOffsetMinutes, days }) =>
      reader.summary(sessions.learnerOf(session), { tzOffsetMinutes, days, now: now() }),
  };
}

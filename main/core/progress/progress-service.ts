import { v7 as uuidv7 } from 'uuid';
import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import { facePostableEventTypes, isFacePostable } from '../../../common/contract/progress.js';
import type { AppendResult, RecordInput } from '../../../common/contract/progress.js';
import type { StructureStore } from '../content/structure-store.js';
import type { GroupCommit } from './group-commit.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import type { ProgressReader } from './progress-reader.js';

export interface ProgressService {
  /** The API's methods: what faces may post, and the learner's progress. */
  api: Pick<LearnService, 'trackProgress' | 'updateUserProgress' | 'getUserProgress' | 'getProgressSummary'>;
  /** The core's own record (code runs, scores), of any type; never reachable from a face. */
  record(session: string, events: readonly RecordInput[]): Promise<AppendResult>;
}

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

const SKILLED = new Set<RecordInput['type']>(['ExerciseSubmitted', 'QuizAnswered']);

const aggregateOf = (input: RecordInput): string => {
  const data = input.data as Record<string, unknown>;
  const id = data.lessonId ?? data.exerciseId ?? data.quizItemId ?? data.assessmentId ?? data.skillId;
  return String(id);
};

interface Deps {
  sessions: LearnerSessions;
  /** The record path's appends, committed together with those arriving while a commit is on the disk. */
  commits: Pick<GroupCommit, 'append'>;
  reader: ProgressReader;
  structure: Pick<StructureStore, 'skillsOf'>;
  now: () => Date;
}

/** A face's events are checked here too, for any caller of the API that did not go through the contract. */
const refuseCoreOnly = (events: readonly RecordInput[]): void => {
  const claimed = events.find((e) => !isFacePostable(e.type));
  if (claimed) {
    throw new LearnError(
      'forbidden',
      say('event-core-only', { type: claimed.type, allowed: facePostableEventTypes.join(', ') }),
    );
  }
};

/** The seed's progress tracking: faces send what happened, the core stamps it, logs it and projects it. */
export function createProgressService({ sessions, commits, reader, structure, now }: Deps): ProgressService {
  /** Stamps an input; the log checks the result against the contract before it stores it. */
  const toEvent = (userId: string, input: RecordInput, skillsOf: (id: string) => string[]) => {
    const data: Record<string, unknown> = { ...input.data };
    // Skills are copied into the event from the pack, so the log alone rebuilds mastery.
    if (SKILLED.has(input.type) && !(data.skills as string[] | undefined)?.length) {
      data.skills = skillsOf(aggregateOf(input));
    }
    return {
      eventId: input.eventId ?? newEventId(),
      type: input.type,
      aggregateId: aggregateOf(input),
      userId,
      timestamp: input.timestamp ?? now().toISOString(),
      data,
      version: 1,
    };
  };

  const record = async (session: string, events: readonly RecordInput[]) => {
    const userId = sessions.learnerOf(session);
    // A batch names the same few items again and again: look each one's skills up once.
    const known = new Map<string, string[]>();
    const skillsOf = (id: string) => known.get(id) ?? known.set(id, structure.skillsOf(id)).get(id)!;
    return commits.append(events.map((e) => toEvent(userId, e, skillsOf)));
  };

  return {
    record,
    api: {
      trackProgress: async ({ session, event }) => {
        refuseCoreOnly([event]);
        return record(session, [event]);
      },

      updateUserProgress: async ({ session, events }) => {
        refuseCoreOnly(events);
        return record(session, events);
      },

      getUserProgress: async ({ session }) => reader.userProgress(sessions.learnerOf(session)),

      getProgressSummary: async ({ session, tzOffsetMinutes, days }) =>
        reader.summary(sessions.learnerOf(session), { tzOffsetMinutes, days, now: now() }),
    },
  };
}

import { randomInt, randomUUID } from 'node:crypto';
import type { LearnService } from '../../../common/contract/api.js';
import type { Assessment, AssessmentResult, EndReason } from '../../../common/contract/assessments.js';
import { assessmentResultSchema } from '../../../common/contract/assessments.js';
import { LearnError } from '../../../common/contract/errors.js';
import { refOf, say } from '../../../common/i18n/message.js';
import type { MessageRef } from '../../../common/i18n/message.js';
import type { AppendResult, RecordInput } from '../../../common/contract/progress.js';
import { seeded } from '../adaptive/policy/seeded-random.js';
import { buildReport } from './assessment-report.js';
import type { AnswerRow, AssessmentRow, AssessmentStore } from './assessment-store.js';
import { eap } from './irt/eap.js';
import { selectItem, stopReason } from './irt/select-item.js';
import type { BankItem } from './irt/select-item.js';
import { authorParams } from './irt/two-pl.js';
import type { ItemParams } from './irt/two-pl.js';
import type { QuizBank, StoredQuizItem } from './quiz-bank.js';
import { gradeAnswer, questionOf } from './quiz-grading.js';

export type AssessmentService = Pick<
  LearnService,
  | 'generateAssessment'
  | 'getAssessment'
  | 'answerAssessmentItem'
  | 'evaluateAssessment'
  | 'listAssessments'
  | 'listAssessmentForms'
>;

interface Deps {
  learnerOf: (session: string) => string;
  bank: QuizBank;
  store: AssessmentStore;
  /** The core's own progress record: AssessmentCompleted and the test's QuizAnswered go this way. */
  record: (session: string, events: readonly RecordInput[]) => Promise<AppendResult>;
  now: () => Date;
  /** The fixed forms an installed pack ships (its manifest's "assessments"). */
  packForms: (packId: string) => Promise<readonly PackForm[]>;
}

export interface PackForm {
  id: string;
  title: string;
  /** Quiz item ids within the pack. */
  items: readonly string[];
  timeLimitMinutes?: number | undefined;
}

/** The title's reference beside its English, when the assessment has one (not those started before 0210). */
const titleRef = (row: AssessmentRow): { titleI18n?: MessageRef } =>
  row.titleI18n === null ? {} : { titleI18n: row.titleI18n };

/** An adaptive test asks at least this many items, however sure it is after fewer. */
const MIN_ITEMS = 3;

/** An item's 2PL parameters: calibrated, else from its author's difficulty. */
export const paramsOf =
  (store: AssessmentStore) =>
  (item: StoredQuizItem): ItemParams =>
    store.params(item.id) ?? authorParams(item.item.difficulty);

/** `count` items spread evenly over `items`, in their order: a fixed form that covers every module. */
const spread = <T>(items: readonly T[], count: number): T[] =>
  items.length <= count
    ? [...items]
    : Array.from({ length: count }, (_, k) => items[Math.floor((k * items.length) / count)]!);

/**
 * Assessments: fixed forms and adaptive tests (2PL IRT, EAP ability, maximum-information selection
 * with randomesque exposure control and content balancing). Answers are graded as they come but
 * nothing about them leaves the core until the assessment ends; the time limit is the core's.
 */
export function createAssessmentService({ learnerOf, bank, store, record, now, packForms }: Deps): AssessmentService {
  const params = paramsOf(store);
  const bankItem = (item: StoredQuizItem): BankItem => ({ id: item.id, params: params(item), skills: item.skills });
  const installed = (ids: readonly string[]) =>
    ids.map((id) => bank.find(id)).filter((i): i is StoredQuizItem => i !== undefined);

  /** The adaptive test's next item after `answers`, or why it stops. */
  const nextAdaptive = (row: AssessmentRow, answers: readonly AnswerRow[]) => {
    const pool = installed(row.pool).map(bankItem);
    const askedIds = new Set(answers.map((a) => a.itemId));
    const given = pool.filter((i) => askedIds.has(i.id));
    const estimate = eap(answers.map((a) => ({ item: a.params, correct: a.correct })));
    const rule = { targetSe: row.targetSe, maxItems: row.maxItems, minItems: Math.min(MIN_ITEMS, row.maxItems) };
    const reason = stopReason(rule, answers.length, estimate.se, pool.length - given.length);
    if (reason) return { reason: reason === 'bank-used' ? ('all-asked' as const) : reason };
    // A draw of its own per position, so a resumed test asks what it would have asked.
    const random = seeded(row.seed + answers.length * 7919);
    return { item: selectItem(pool, given, estimate.theta, random)!.id };
  };

  const next = (row: AssessmentRow, answers: readonly AnswerRow[]): { item: string } | { reason: EndReason } => {
    if (row.kind === 'adaptive') return nextAdaptive(row, answers);
    const asked = new Set(answers.map((a) => a.itemId));
    const item = installed(row.pool).find((i) => !asked.has(i.id));
    return item ? { item: item.id } : { reason: 'all-asked' };
  };

  const lookups = {
    item: (id: string) => bank.find(id),
    paramsOf: params,
    skillTitle: (id: string) => store.skillTitle(id),
    moduleTitle: (id: string) => store.moduleTitle(id),
  };

  /**
   * Ends a running assessment: the report is written with the end, then the answers go to the
   * progress log (QuizAnswered at the times they were given, so mastery and reviews see them now)
   * with AssessmentCompleted. Should recording fail, the end is undone and the learner may go on.
   */
  const finish = async (session: string, row: AssessmentRow, reason: EndReason): Promise<void> => {
    const endedAt = now().toISOString();
    const answers = store.answers(row.id);
    const report = buildReport(row, reason, endedAt, answers, lookups);
    if (!store.end(row.id, reason, endedAt)) return;
    store.saveResult(row.id, report);
    if (answers.length === 0) return;
    const events: RecordInput[] = answers.map((a) => ({
      type: 'QuizAnswered',
      timestamp: a.answeredAt,
      data: { quizItemId: a.itemId, correct: a.correct, answer: a.answer, timeSpentMs: a.timeSpentMs },
    }));
    events.push({
      type: 'AssessmentCompleted',
      timestamp: endedAt,
      data: { assessmentId: row.id, score: report.correct, total: report.answered },
    });
    try {
      await record(session, events);
    } catch (error) {
      store.reopen(row.id, row.currentItemId);
      throw error;
    }
  };

  /** The learner's assessment, ended first if its time ran out. */
  const load = async (session: string, assessmentId: string): Promise<AssessmentRow> => {
    const learnerId = learnerOf(session);
    const row = store.find(assessmentId, learnerId);
    if (!row) throw new LearnError('not-found', say('assessment-unknown'));
    if (row.endedAt === null && row.deadline !== null && now().toISOString() > row.deadline) {
      await finish(session, row, 'time-up');
      return store.find(assessmentId, learnerId)!;
    }
    return row;
  };

  const stateOf = (row: AssessmentRow): Assessment => {
    const current = row.currentItemId === null ? undefined : bank.find(row.currentItemId);
    return {
      assessmentId: row.id,
      kind: row.kind,
      topicId: row.topicId,
      title: row.title,
      ...titleRef(row),
      status: row.endedAt === null ? 'in-progress' : 'ended',
      startedAt: row.startedAt,
      deadline: row.deadline,
      timeLeftMs:
        row.deadline === null
          ? null
          : Math.max(0, Date.parse(row.deadline) - (row.endedAt === null ? now().getTime() : Date.parse(row.endedAt))),
      endedAt: row.endedAt,
      endReason: row.endReason,
      answered: store.answers(row.id).length,
      maxItems: row.kind === 'fixed' ? row.pool.length : row.maxItems,
      question: row.endedAt === null && current ? questionOf(current.id, current.item, current.skills) : null,
    };
  };

  const resultOf = (row: AssessmentRow): AssessmentResult => ({
    ...assessmentResultSchema.parse(JSON.parse(row.result!)),
    ...titleRef(row),
  });

  return {
    generateAssessment: async (input) => {
      const { session, topicId, formId, targetSe, maxItems } = input;
      let { kind, itemIds, timeLimitMinutes } = input;
      const learnerId = learnerOf(session);
      const topic = store.topic(topicId);
      if (!topic) throw new LearnError('not-found', say('topic-unknown', { id: topicId }));
      // The pack's own title stays as it wrote it; the words around it are the catalog's.
      let title = say(kind === 'adaptive' ? 'assessment-title-adaptive' : 'assessment-title-fixed', {
        topic: topic.title,
      });
      if (formId !== undefined) {
        if (itemIds) throw new LearnError('invalid-input', say('assessment-form-or-items'));
        const form = topicId.includes('/') ? undefined : (await packForms(topicId)).find((f) => f.id === formId);
        if (!form)
          throw new LearnError('not-found', say('assessment-form-unknown', { topic: topic.title, form: formId }));
        kind = 'fixed';
        itemIds = form.items.map((id) => `${topicId}/${id}`);
        timeLimitMinutes = form.timeLimitMinutes;
        title = say('assessment-title-form', { topic: topic.title, form: form.title });
      }
      // Code items need the sandbox and seconds to grade, and gradeAnswer does not take them: a test asks the
      // quick kinds (the quiz keeps its code items).
      const items = topic.moduleIds.flatMap((m) => bank.itemsOf(m)).filter((i) => i.item.kind !== 'code');
      let pool = items;
      if (itemIds) {
        if (new Set(itemIds).size !== itemIds.length) {
          throw new LearnError('invalid-input', say('assessment-item-twice'));
        }
        const inTopic = new Map(items.map((i) => [i.id, i]));
        const missing = itemIds.filter((id) => !inTopic.has(id));
        if (missing.length > 0) {
          const items = missing
            .slice(0, 3)
            .map((id) => `"${id}"`)
            .join(', ');
          throw new LearnError('invalid-input', say('assessment-items-unknown', { topic: topic.title, items }));
        }
        pool = itemIds.map((id) => inTopic.get(id)!);
      }
      if (pool.length === 0) throw new LearnError('not-found', say('assessment-no-items', { topic: topic.title }));
      if (kind === 'fixed' && !itemIds) pool = spread(pool, maxItems);
      const started = now();
      const row: AssessmentRow = {
        id: randomUUID(),
        learnerId,
        kind,
        topicId,
        title: title.text,
        titleI18n: refOf(title),
        pool: pool.map((i) => i.id),
        targetSe,
        maxItems: Math.min(maxItems, pool.length),
        seed: randomInt(2 ** 31),
        startedAt: started.toISOString(),
        deadline:
          timeLimitMinutes === undefined ? null : new Date(started.getTime() + timeLimitMinutes * 60_000).toISOString(),
        currentItemId: null,
        endedAt: null,
        endReason: null,
        result: null,
      };
      const first = next(row, []);
      row.currentItemId = 'item' in first ? first.item : null;
      store.create(row);
      return stateOf(row);
    },

    getAssessment: async ({ session, assessmentId }) => stateOf(await load(session, assessmentId)),

    answerAssessmentItem: async ({ session, assessmentId, itemId, answer, timeSpentMs }) => {
      const row = await load(session, assessmentId);
      if (row.endReason === 'time-up') {
        throw new LearnError('conflict', say('assessment-time-up'));
      }
      if (row.endedAt !== null) throw new LearnError('conflict', say('assessment-ended'));
      if (row.currentItemId !== itemId) {
        throw new LearnError('conflict', say('assessment-not-current'));
      }
      const stored = bank.find(itemId);
      if (!stored) throw new LearnError('not-found', say('assessment-item-gone'));
      // Grading throws on an answer of the wrong shape, before anything is stored.
      const { correct, recorded } = gradeAnswer(stored.item, answer);
      const given: AnswerRow = {
        itemId,
        answer: recorded,
        correct,
        params: params(stored),
        answeredAt: now().toISOString(),
        timeSpentMs,
      };
      const answers = [...store.answers(row.id), given];
      const after = next(row, answers);
      store.answer(row.id, given, 'item' in after ? after.item : null);
      if ('reason' in after) await finish(session, { ...row, currentItemId: null }, after.reason);
      return stateOf(store.find(row.id, row.learnerId)!);
    },

    evaluateAssessment: async ({ session, assessmentId }) => {
      const row = await load(session, assessmentId);
      if (row.endedAt !== null) return resultOf(row);
      await finish(session, row, 'handed-in');
      return resultOf(store.find(row.id, row.learnerId)!);
    },

    listAssessmentForms: async ({ session, topicId }) => {
      learnerOf(session);
      if (!store.topic(topicId)) throw new LearnError('not-found', say('topic-unknown', { id: topicId }));
      if (topicId.includes('/')) return [];
      return (await packForms(topicId)).map((form) => ({
        formId: form.id,
        title: form.title,
        items: form.items.length,
        timeLimitMinutes: form.timeLimitMinutes ?? null,
      }));
    },

    listAssessments: async ({ session }) => {
      const learnerId = learnerOf(session);
      const rows = await Promise.all(store.ofLearner(learnerId).map((row) => load(session, row.id)));
      return rows.map((row) => {
        const result = row.result === null ? null : resultOf(row);
        return {
          assessmentId: row.id,
          kind: row.kind,
          topicId: row.topicId,
          title: row.title,
          ...titleRef(row),
          status: row.endedAt === null ? ('in-progress' as const) : ('ended' as const),
          startedAt: row.startedAt,
          endedAt: row.endedAt,
          answered: result?.answered ?? store.answers(row.id).length,
          correct: result?.correct ?? null,
          ability: result?.ability ?? null,
        };
      });
    },
  };
}

import type { AssessmentResult, EndReason, SkillResult } from '../../../common/contract/assessments.js';
import type { AnswerRow, AssessmentRow } from './assessment-store.js';
import { eap } from './irt/eap.js';
import { probability } from './irt/two-pl.js';
import type { ItemParams } from './irt/two-pl.js';
import { expectedAnswer, questionOf } from './quiz-grading.js';
import type { StoredQuizItem } from './quiz-bank.js';

/** Below this expected share right on a skill's items, the skill is one to study next. */
export const STUDY_NEXT_BELOW = 0.7;

interface Lookups {
  /** The item as installed now; undefined once its pack is gone. */
  item: (itemId: string) => StoredQuizItem | undefined;
  paramsOf: (item: StoredQuizItem) => ItemParams;
  skillTitle: (skillId: string) => string | undefined;
  moduleTitle: (moduleId: string) => string | undefined;
}

/**
 * The report of an ended assessment. The ability is the EAP estimate from every answer (with each
 * item's parameters as they were when it was asked); each skill's own estimate starts from that
 * ability and moves with the skill's answers, so one lucky answer does not make a skill "strong".
 * A skill's mastery is the share of its items in the test's pool a learner of that ability gets right.
 */
export function buildReport(
  row: AssessmentRow,
  reason: EndReason,
  endedAt: string,
  answers: readonly AnswerRow[],
  lookups: Lookups,
): AssessmentResult {
  const overall = eap(answers.map((a) => ({ item: a.params, correct: a.correct })));
  const pool = row.pool.map(lookups.item).filter((i): i is StoredQuizItem => i !== undefined);
  const asked = answers.map((a) => ({ answer: a, item: lookups.item(a.itemId) }));

  const skillIds = [...new Set(asked.flatMap(({ item }) => item?.skills ?? []))];
  const skills: SkillResult[] = skillIds.map((skillId) => {
    const own = asked.filter(({ item }) => item?.skills.includes(skillId));
    const estimate = eap(
      own.map(({ answer }) => ({ item: answer.params, correct: answer.correct })),
      undefined,
      overall.theta,
    );
    const items = pool.filter((i) => i.skills.includes(skillId));
    const mastery = items.reduce((s, i) => s + probability(estimate.theta, lookups.paramsOf(i)), 0) / items.length;
    const moduleIds = [...new Set(items.map((i) => i.moduleId))];
    return {
      skillId,
      title: lookups.skillTitle(skillId) ?? skillId,
      answered: own.length,
      correct: own.filter(({ answer }) => answer.correct).length,
      mastery,
      studyNext: mastery < STUDY_NEXT_BELOW,
      modules: moduleIds.map((moduleId) => ({ moduleId, title: lookups.moduleTitle(moduleId) ?? moduleId })),
    };
  });
  skills.sort((x, y) => x.mastery - y.mastery || x.title.localeCompare(y.title));

  return {
    assessmentId: row.id,
    kind: row.kind,
    topicId: row.topicId,
    title: row.title,
    startedAt: row.startedAt,
    endedAt,
    endReason: reason,
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    ability: overall.theta,
    standardError: overall.se,
    skills,
    items: asked.flatMap(({ answer, item }) =>
      item
        ? [
            {
              question: questionOf(item.id, item.item, item.skills),
              answer: answer.answer,
              correct: answer.correct,
              ...expectedAnswer(item.item),
              explanation: item.item.explanation,
            },
          ]
        : [],
    ),
  };
}

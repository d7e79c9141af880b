import type { Assignment, AssignmentStatus } from '../contract/assignments.js';
import type { ProgressCatalog } from './catalog.js';
import type { LearnerProjection } from './learner-projection.js';

/**
 * Where a learner stands on an assignment: a lesson is done when completed and started when opened; an
 * exercise is done when completed and started once opened or submitted; a quiz (a module's) is done when
 * every item was answered and started at the first answer; an assessment is done once completed.
 */
export function assignmentStatus(
  assignment: Pick<Assignment, 'kind' | 'itemId'>,
  p: LearnerProjection,
  catalog: ProgressCatalog,
): AssignmentStatus {
  switch (assignment.kind) {
    case 'lesson': {
      const lesson = p.lessons.get(assignment.itemId);
      return lesson?.completedAt ? 'done' : lesson ? 'in-progress' : 'not-started';
    }
    case 'exercise': {
      const exercise = p.exercises.get(assignment.itemId);
      return exercise?.completedAt ? 'done' : exercise ? 'in-progress' : 'not-started';
    }
    case 'quiz': {
      const items = catalog.modules.find((m) => m.moduleId === assignment.itemId)?.quizItems ?? [];
      const answered = items.filter((id) => (p.quizItems.get(id)?.attempts ?? 0) > 0).length;
      return items.length > 0 && answered === items.length ? 'done' : answered > 0 ? 'in-progress' : 'not-started';
    }
    case 'assessment':
      return p.assessments.has(assignment.itemId) ? 'done' : 'not-started';
  }
}

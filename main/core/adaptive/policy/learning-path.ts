import type { LearningPath, PathStep } from '../../../../common/contract/adaptive.js';
import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';
import { predictFromEvidence } from '../models/performance-prior.js';
import type { SkillEvidence } from '../models/performance-prior.js';
import type { FinishedSteps } from './finished-steps.js';
import { refOf, say } from '../../../../common/i18n/message.js';
import type { Said } from '../../../../common/i18n/message.js';
import { percentOf } from './wording.js';

interface Step {
  kind: 'lesson' | 'exercise';
  id: string;
  title: string;
  moduleId: string;
  difficulty: number;
  /** Teaching order across the installed packs: the tie-break. */
  rank: number;
}

/** Ranks steps by their skills alone: the same difficulty for all, so only the evidence differs. */
const NEUTRAL_DIFFICULTY = 3;
const MAX_WAITS_NAMED = 3;

export type Goal = LearningPath['goal'];
const EVERYTHING: Goal = { kind: 'all', id: null, title: 'everything installed' };

/**
 * Learning paths over the installed packs' prerequisite graph. A step (lesson or exercise) waits
 * for the lessons it requires and for every step of the modules its module requires. Skill
 * prerequisites choose what a skill goal takes in, but do not order steps: packs tag lessons with
 * several skills, so skill edges can contradict the lesson order the author set.
 */
export class LearningPaths {
  readonly #q;
  readonly #finished: FinishedSteps;

  constructor(db: SqliteDatabase, finished: FinishedSteps) {
    this.#finished = finished;
    this.#q = {
      steps: db.prepare<[], Omit<Step, 'rank'>>(
        `SELECT s.content_id AS id, s.kind, s.title, s.module_id AS moduleId, coalesce(e.difficulty, 2) AS difficulty
         FROM sequence s JOIN packs k ON k.id = s.pack_id LEFT JOIN exercises e ON e.id = s.content_id
         WHERE s.kind IN ('lesson', 'exercise') ORDER BY k.title, s.position`,
      ),
      edges: db.prepare<[], { graph: 'module' | 'lesson' | 'skill'; item: string; required: string }>(
        'SELECT graph, item_id AS item, required_id AS required FROM prerequisites',
      ),
      tags: db.prepare<[], { contentId: string; skillId: string }>(
        'SELECT content_id AS contentId, skill_id AS skillId FROM content_skills',
      ),
      modules: db.prepare<[], { id: string; title: string }>('SELECT id, title FROM modules'),
      skills: db.prepare<[], { id: string; title: string }>('SELECT id, title FROM skills'),
    };
  }

  /** The module or skill with this id (a module wins over a skill of the same id), or everything for "all". */
  findGoal(id: string): Goal | undefined {
    if (id === 'all') return EVERYTHING;
    return this.#matchGoal((item) => item.id === id);
  }

  /** The first of the profile's goals that names an installed module or skill, by id or title; else everything. */
  defaultGoal(profileGoals: readonly string[]): Goal {
    for (const wanted of profileGoals) {
      const key = wanted.trim().toLowerCase();
      const goal = this.#matchGoal((item) => item.id === wanted || item.title.toLowerCase() === key);
      if (goal) return goal;
    }
    return EVERYTHING;
  }

  #matchGoal(match: (item: { id: string; title: string }) => boolean): Goal | undefined {
    const module = this.#q.modules.all().find(match);
    if (module) return { kind: 'module', id: module.id, title: module.title };
    const skill = this.#q.skills.all().find(match);
    return skill && { kind: 'skill', id: skill.id, title: skill.title };
  }

  /** The installed steps in teaching order and the edges between them, read afresh: packs change. */
  #graph() {
    const steps = this.#q.steps.all().map((s, rank) => ({ ...s, rank }));
    const byId = new Map(steps.map((s) => [s.id, s]));
    const skillsOf = new Map<string, string[]>();
    for (const { contentId, skillId } of this.#q.tags.all()) addTo(skillsOf, contentId, skillId);
    const edges = () => new Map<string, string[]>();
    const requires = { lesson: edges(), module: edges(), skill: edges() };
    for (const { graph, item, required } of this.#q.edges.all()) addTo(requires[graph], item, required);
    const stepsOfModule = new Map<string, Step[]>();
    for (const s of steps) addTo(stepsOfModule, s.moduleId, s);
    return {
      steps,
      byId,
      skillsOf: (s: Step) => skillsOf.get(s.id) ?? [],
      requires,
      stepsOfModule: (moduleId: string) => stepsOfModule.get(moduleId) ?? [],
      moduleTitle: new Map(this.#q.modules.all().map((m) => [m.id, m.title])),
      skillTitle: new Map(this.#q.skills.all().map((k) => [k.id, k.title])),
    };
  }

  plan(learnerId: string, goal: Goal): LearningPath {
    const { steps, byId, skillsOf, requires, stepsOfModule, moduleTitle, skillTitle } = this.#graph();
    const requiredLessons = (s: Step) => (requires.lesson.get(s.id) ?? []).flatMap((id) => byId.get(id) ?? []);
    const requiredModules = (s: Step): string[] => requires.module.get(s.moduleId) ?? [];
    const prerequisitesOf = (s: Step) => [...requiredLessons(s), ...requiredModules(s).flatMap(stepsOfModule)];

    const finished = this.#finished.of(learnerId);
    const { evidence } = finished;
    const evidenceOf = (s: Step) => skillsOf(s).flatMap((id) => evidence.get(id) ?? []);
    const done = (s: Step) => finished.isDone(s.id);

    // What the goal takes in, then everything that takes in needs, transitively.
    const wanted = new Set<Step>(goalSteps(goal, steps, skillsOf, requires.skill));
    for (const s of wanted) for (const p of prerequisitesOf(s)) wanted.add(p);

    const ordered = orderSteps([...wanted], prerequisitesOf, (s) =>
      done(s) ? -1 : predictFromEvidence(NEUTRAL_DIFFICULTY, evidenceOf(s)).probability,
    );

    const titleOf = (skillId: string) => (skillTitle.get(skillId) ?? skillId).toLowerCase();
    const waitsFor = (s: Step): Said[] => {
      const lessons = requiredLessons(s).filter((p) => !done(p));
      const modules = requiredModules(s).filter((m) => stepsOfModule(m).some((p) => !done(p)));
      return [
        ...lessons.sort((a, b) => a.rank - b.rank).map((p) => say('quoted-title', { title: p.title })),
        ...modules.map((m) => say('the-module', { title: moduleTitle.get(m) ?? m })),
      ];
    };
    let nextGiven = false;
    const pathSteps = ordered.map((s): PathStep => {
      const base = { kind: s.kind, contentId: s.id, title: s.title, moduleId: s.moduleId };
      if (done(s)) {
        const reason = finished.isCompleted(s.id)
          ? say('path-done')
          : say('path-done-mastered', { skills: skillsOf(s).map(titleOf) });
        return { ...base, probability: null, status: 'done', waitsFor: [], ...because(reason) };
      }
      const probability = s.kind === 'exercise' ? predictFromEvidence(s.difficulty, evidenceOf(s)).probability : null;
      const waiting = waitsFor(s);
      if (waiting.length > 0) {
        const named = waiting.slice(0, MAX_WAITS_NAMED);
        const more = waiting.length - named.length;
        // "and 3 more": "more" is a quantifier, never "mores".
        const reason = say('path-waits', { items: more > 0 ? [...named, say('and-more', { count: more })] : named });
        const waitsFor = waiting.map((w) => w.text);
        return { ...base, probability, status: 'locked', waitsFor, ...because(reason) };
      }
      const status = nextGiven ? 'open' : 'next';
      nextGiven = true;
      return {
        ...base,
        probability,
        status,
        waitsFor: [],
        ...because(readyReason(s, skillsOf(s).map(titleOf), evidenceOf(s), probability, titleOf)),
      };
    });

    const doneCount = pathSteps.filter((s) => s.status === 'done').length;
    const remaining = pathSteps.length - doneCount;
    const next = pathSteps.find((s) => s.status === 'next');
    const summary =
      pathSteps.length === 0
        ? say('path-empty')
        : next
          ? say('path-left', { count: remaining, goal: goal.title, next: next.title })
          : say('path-all-done', { goal: goal.title });
    return { goal, steps: pathSteps, done: doneCount, remaining, summary: summary.text, summaryI18n: refOf(summary) };
  }
}

/** What a goal takes in, before its prerequisites. */
function goalSteps(goal: Goal, steps: Step[], skillsOf: (s: Step) => string[], skillRequires: Map<string, string[]>) {
  if (goal.kind === 'all') return steps;
  if (goal.kind === 'module') return steps.filter((s) => s.moduleId === goal.id);
  // A skill goal takes in its prerequisite skills too: they are what it builds on.
  const skills = new Set([goal.id!]);
  for (const id of skills) for (const r of skillRequires.get(id) ?? []) skills.add(r);
  return steps.filter((s) => skillsOf(s).some((id) => skills.has(id)));
}

function readyReason(
  s: Step,
  skills: string[],
  evidence: (SkillEvidence & { id: string })[],
  probability: number | null,
  titleOf: (skillId: string) => string,
): Said {
  const percent = probability === null ? undefined : percentOf(probability);
  const weakest = evidence.reduce<(typeof evidence)[number] | undefined>(
    (a, b) => (a && a.correct / a.attempts <= b.correct / b.attempts ? a : b),
    undefined,
  );
  if (weakest && weakest.correct * 2 < weakest.attempts) {
    const missed = {
      missed: weakest.attempts - weakest.correct,
      attempts: weakest.attempts,
      topic: titleOf(weakest.id),
    };
    if (s.kind === 'lesson') return say('path-worth-reading', missed);
    return percent === undefined
      ? say('path-practise-missed', missed)
      : say('path-practise-missed-chance', { ...missed, percent });
  }
  if (s.kind === 'lesson') return skills.length === 0 ? say('path-ready-read') : say('path-ready-teaches', { skills });
  if (skills.length === 0)
    return percent === undefined ? say('path-ready-practise') : say('path-ready-practise-chance', { percent });
  return percent === undefined
    ? say('path-ready-practises', { skills })
    : say('path-ready-practises-chance', { skills, percent });
}

/** A reason as the wire carries it: English, and the reference each face says in its learner's language. */
const because = (reason: Said) => ({ reason: reason.text, reasonI18n: refOf(reason) });

const addTo = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * A topological order (Kahn's algorithm): a step comes only after all its prerequisites. Among the
 * steps whose prerequisites are placed, the lowest `priority` goes first, then teaching order.
 * Steps caught in a cycle (two packs' edges can form one) follow in teaching order.
 */
export function orderSteps<S extends { rank: number }>(
  steps: readonly S[],
  prerequisitesOf: (s: S) => readonly S[],
  priority: (s: S) => number,
): S[] {
  const inGraph = new Set(steps);
  const waiting = new Map<S, number>();
  const dependents = new Map<S, S[]>();
  for (const s of steps) {
    const required = new Set(prerequisitesOf(s).filter((p) => inGraph.has(p) && p !== s));
    waiting.set(s, required.size);
    for (const p of required) dependents.set(p, [...(dependents.get(p) ?? []), s]);
  }
  const score = new Map(steps.map((s) => [s, priority(s)]));
  const before = (a: S, b: S) => score.get(a)! - score.get(b)! || a.rank - b.rank;
  let ready = steps.filter((s) => waiting.get(s) === 0);
  const ordered: S[] = [];
  const placed = new Set<S>();
  while (ordered.length < steps.length) {
    if (ready.length === 0) {
      // A cycle: release its earliest step in teaching order.
      ready = [steps.filter((s) => !placed.has(s)).reduce((a, b) => (a.rank <= b.rank ? a : b))];
    }
    const best = ready.reduce((a, b) => (before(a, b) <= 0 ? a : b));
    ready = ready.filter((s) => s !== best);
    ordered.push(best);
    placed.add(best);
    for (const d of dependents.get(best) ?? []) {
      const left = waiting.get(d)! - 1;
      waiting.set(d, left);
      if (left === 0 && !placed.has(d)) ready.push(d);
    }
  }
  return ordered;
}

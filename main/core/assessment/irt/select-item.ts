import { information } from './two-pl.js';
import type { ItemParams } from './two-pl.js';

export interface BankItem {
  id: string;
  params: ItemParams;
  skills: readonly string[];
}

export interface SelectionRules {
  /**
   * Randomesque exposure control: the next item is drawn at random from the `randomesque` most
   * informative candidates, so the same few items are not given to every learner of one ability.
   */
  randomesque: number;
}

export const DEFAULT_SELECTION: SelectionRules = { randomesque: 5 };

/**
 * Each skill's share of the bank (an item of two skills counts for both): what a balanced test gives
 * each skill in the long run.
 */
export function skillTargets(bank: readonly BankItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of bank) for (const skill of item.skills) counts.set(skill, (counts.get(skill) ?? 0) + 1);
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  return new Map([...counts].map(([skill, n]) => [skill, n / total]));
}

/**
 * Content balancing (Kingsbury and Zara): the skill furthest below its share of the items given so
 * far, among the skills that still have an item left; undefined when no item left has a skill.
 */
function neediestSkill(
  targets: Map<string, number>,
  given: readonly BankItem[],
  left: readonly BankItem[],
): string | undefined {
  const counts = new Map<string, number>();
  for (const item of given) for (const skill of item.skills) counts.set(skill, (counts.get(skill) ?? 0) + 1);
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const available = new Set(left.flatMap((item) => item.skills));
  let best: string | undefined;
  let bestGap = -Infinity;
  for (const [skill, target] of targets) {
    if (!available.has(skill)) continue;
    const gap = target - (total === 0 ? 0 : (counts.get(skill) ?? 0) / total);
    if (gap > bestGap) [best, bestGap] = [skill, gap];
  }
  return best;
}

/**
 * The next item of an adaptive test: among the items not yet given, those of the neediest skill,
 * ranked by Fisher information at the current ability; one of the top `randomesque` drawn with
 * `random`. Undefined when the bank is used up.
 */
export function selectItem(
  bank: readonly BankItem[],
  given: readonly BankItem[],
  theta: number,
  random: () => number,
  rules: SelectionRules = DEFAULT_SELECTION,
  targets: Map<string, number> = skillTargets(bank),
): BankItem | undefined {
  const used = new Set(given.map((item) => item.id));
  const left = bank.filter((item) => !used.has(item.id));
  if (left.length === 0) return undefined;
  const skill = neediestSkill(targets, given, left);
  const pool = skill === undefined ? left : left.filter((item) => item.skills.includes(skill));
  const ranked = pool
    .map((item) => ({ item, info: information(theta, item.params) }))
    .sort((x, y) => y.info - x.info || (x.item.id < y.item.id ? -1 : 1));
  const top = ranked.slice(0, Math.max(1, rules.randomesque));
  return top[Math.min(top.length - 1, Math.floor(random() * top.length))]!.item;
}

export interface StoppingRule {
  /** Stop once the standard error is at most this. */
  targetSe: number;
  /** Never more items than this. */
  maxItems: number;
  /** Never fewer than this, however sure the estimate (a test of one lucky answer says little). */
  minItems: number;
}

/** Why an adaptive test stops after `given` items at standard error `se`, or null to go on. */
export function stopReason(
  rule: StoppingRule,
  given: number,
  se: number,
  itemsLeft: number,
): 'precise' | 'max-length' | 'bank-used' | null {
  if (given >= rule.minItems && se <= rule.targetSe) return 'precise';
  if (given >= rule.maxItems) return 'max-length';
  if (itemsLeft === 0) return 'bank-used';
  return null;
}

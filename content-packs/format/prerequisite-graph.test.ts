import { describe, expect, it } from 'vitest';
import { packManifestSchema } from './manifest.js';
import { checkPrerequisites, MAX_PREREQUISITE_DEPTH } from './prerequisite-graph.js';

const id = (i: number) => `s-${i}`;
/** s-0 <- s-1 <- ... : each skill requires the one before it. */
const chain = (length: number) =>
  Array.from({ length }, (_, i) => ({ id: id(i), title: id(i), requires: i === 0 ? [] : [id(i - 1)] }));

const manifestWithSkills = (skills: { id: string; title: string; requires: string[] }[]) => ({
  formatVersion: 1,
  id: 'deep',
  version: '1.0.0',
  title: 'Deep',
  description: '',
  language: 'en',
  authors: ['A'],
  license: 'MIT',
  skills,
  modules: [{ id: 'm', title: 'M', description: '', lessons: [{ id: 'a', title: 'A', file: 'a.md' }] }],
});

describe('prerequisite graph checks', () => {
  it('accepts a chain exactly as deep as allowed', () => {
    expect(checkPrerequisites(chain(MAX_PREREQUISITE_DEPTH))).toBeUndefined();
  });

  it.each([5_000, 100_000])('refuses a %i-deep chain with the limit named, not a stack overflow', (length) => {
    expect(checkPrerequisites(chain(length))).toMatchObject({ kind: 'too-deep', depth: MAX_PREREQUISITE_DEPTH + 1 });
    const parsed = packManifestSchema.safeParse(manifestWithSkills(chain(length)));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.message).toMatch(/prerequisites of skills chain more than 1000 deep .*at most 1000/);
  });

  it.each([5_000, 100_000])('finds the cycle that closes a %i-long chain, without a stack overflow', (length) => {
    const nodes = chain(length);
    nodes[0]!.requires = [id(length - 1)];
    const problem = checkPrerequisites(nodes, Infinity);
    expect(problem).toMatchObject({ kind: 'cycle' });
    if (problem?.kind !== 'cycle') return;
    expect(problem.cycle).toHaveLength(length + 1);
    expect(problem.cycle[0]).toBe(problem.cycle.at(-1));
  });

  it('still names a short cycle in a graph that is deep elsewhere', () => {
    const nodes = [...chain(900), { id: 'x', title: 'x', requires: ['y'] }, { id: 'y', title: 'y', requires: ['x'] }];
    expect(checkPrerequisites(nodes)).toEqual({ kind: 'cycle', cycle: ['x', 'y', 'x'] });
  });

  it('accepts wide graphs: 100,000 skills on one root, and a lattice where paths multiply', () => {
    const star = Array.from({ length: 100_000 }, (_, i) => ({ id: id(i), requires: i === 0 ? [] : [id(0)] }));
    expect(checkPrerequisites(star)).toBeUndefined();
    // Each requires the two before it: 2^n paths, which a walk per path could never finish.
    const lattice = Array.from({ length: 900 }, (_, i) => ({
      id: id(i),
      requires: [i - 1, i - 2].filter((j) => j >= 0).map(id),
    }));
    expect(checkPrerequisites(lattice)).toBeUndefined();
    // 60 layers of 60, each node requiring the whole layer before: 216,000 edges.
    const layers = Array.from({ length: 60 * 60 }, (_, i) => ({
      id: id(i),
      requires: i < 60 ? [] : Array.from({ length: 60 }, (_, k) => id(Math.floor(i / 60) * 60 - 60 + k)),
    }));
    expect(checkPrerequisites(layers)).toBeUndefined();
    expect(packManifestSchema.safeParse(manifestWithSkills(layers.map((n) => ({ ...n, title: n.id })))).success).toBe(
      true,
    );
  });
});

interface Node {
  id: string;
  requires: readonly string[];
}

/**
 * The longest chain of prerequisites a pack may have (counted in items). No course is taught in
 * an order a thousand steps long; the app's prerequisite queries stop at the same depth.
 */
export const MAX_PREREQUISITE_DEPTH = 1000;

export type GraphProblem = { kind: 'cycle'; cycle: string[] } | { kind: 'too-deep'; from: string; depth: number };

/**
 * Checks a prerequisite graph for a cycle (returned as a path that ends where it starts) and for a
 * chain deeper than MAX_PREREQUISITE_DEPTH. Depth-first with an explicit stack, so a chain of any
 * length costs heap, not call stack; each node and edge is visited once.
 */
export function checkPrerequisites(
  nodes: readonly Node[],
  maxDepth = MAX_PREREQUISITE_DEPTH,
): GraphProblem | undefined {
  const edges = new Map(nodes.map((n) => [n.id, n.requires]));
  const state = new Map<string, 'visiting' | 'done'>();
  // The longest chain that starts at a finished node, the node itself included.
  const depth = new Map<string, number>();
  for (const root of nodes) {
    if (state.has(root.id)) continue;
    state.set(root.id, 'visiting');
    const stack = [{ id: root.id, next: 0 }];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const requires = edges.get(top.id) ?? [];
      if (top.next < requires.length) {
        const required = requires[top.next++]!;
        const seen = state.get(required);
        if (seen === 'visiting') {
          const path = stack.map((frame) => frame.id);
          return { kind: 'cycle', cycle: [...path.slice(path.indexOf(required)), required] };
        }
        // Unknown ids are reported by the reference check; here they end a chain.
        if (seen === undefined && edges.has(required)) {
          state.set(required, 'visiting');
          stack.push({ id: required, next: 0 });
        }
        continue;
      }
      const own = 1 + requires.reduce((longest, r) => Math.max(longest, depth.get(r) ?? 0), 0);
      if (own > maxDepth) return { kind: 'too-deep', from: top.id, depth: own };
      depth.set(top.id, own);
      state.set(top.id, 'done');
      stack.pop();
    }
  }
  return undefined;
}

interface Node {
  id: string;
  requires: readonly string[];
}

/** Returns one cycle in the prerequisite graph (as a path that ends where it starts), or undefined. */
export function findCycle(nodes: readonly Node[]): string[] | undefined {
  const edges = new Map(nodes.map((n) => [n.id, n.requires]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const node of nodes) {
    const cycle = visit(node.id);
    if (cycle) return cycle;
  }
  return undefined;
}

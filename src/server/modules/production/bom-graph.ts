import type { Db, Tx } from '../../platform/db/database.ts';
import type { BomEdge } from './bom-explosion.ts';
import { bomLines } from './bom.repository.ts';

/**
 * Every BOM edge reachable from `roots`, one query per level. The `seen` set stops the walk
 * even if the stored data held a cycle.
 */
export async function loadGraph(q: Db | Tx, roots: string[], when: { onDate: string } | { notBefore: string }): Promise<Map<string, BomEdge[]>> {
  const graph = new Map<string, BomEdge[]>();
  const seen = new Set<string>();
  let frontier = [...new Set(roots)];
  while (frontier.length) {
    for (const id of frontier) seen.add(id);
    const edges = await bomLines.edges(q, frontier, when);
    const next = new Set<string>();
    for (const [parent, list] of edges) {
      graph.set(parent, list);
      for (const e of list) if (!seen.has(e.componentId)) next.add(e.componentId);
    }
    frontier = [...next];
  }
  return graph;
}

/** A path from `from` to `to` over the graph (both included), or null — depth-first, each node once. */
export function findPath(graph: ReadonlyMap<string, readonly BomEdge[]>, from: string, to: string): string[] | null {
  const visited = new Set<string>();
  const walk = (id: string): string[] | null => {
    if (id === to) return [id];
    if (visited.has(id)) return null;
    visited.add(id);
    for (const e of graph.get(id) ?? []) {
      const rest = walk(e.componentId);
      if (rest) return [id, ...rest];
    }
    return null;
  };
  return walk(from);
}

import { evaluate, type Condition } from '../../../contracts/rules.ts';

export interface Level {
  approverRole?: string | null;
  approverUserId?: string | null;
  mode: 'any' | 'all';
}
export interface Rule {
  id: string;
  name: string;
  condition: Condition;
  levels: Level[];
}
export interface ChainStep extends Level {
  level: number;
  ruleId: string;
  ruleName: string;
}

const key = (l: Level) => (l.approverUserId ? `u:${l.approverUserId}` : `r:${l.approverRole}:${l.mode}`);

/**
 * The approval chain for a document: every matching rule's levels merged by position.
 * An approver needed by several rules is asked once, at the highest level any rule puts
 * them (a higher rule covers the lower level), and empty levels close up.
 */
export function buildChain(rules: Rule[], facts: Record<string, unknown>): { matched: Rule[]; steps: ChainStep[] } {
  const matched = rules.filter((r) => evaluate(r.condition, facts));
  const best = new Map<string, ChainStep>();
  for (const r of matched) {
    r.levels.forEach((l, i) => {
      const k = key(l);
      const prev = best.get(k);
      if (!prev || i + 1 > prev.level) best.set(k, { ...l, level: i + 1, ruleId: r.id, ruleName: r.name });
    });
  }
  const levels = [...new Set([...best.values()].map((s) => s.level))].sort((a, b) => a - b);
  const steps = [...best.values()].map((s) => ({ ...s, level: levels.indexOf(s.level) + 1 })).sort((a, b) => a.level - b.level);
  return { matched, steps };
}

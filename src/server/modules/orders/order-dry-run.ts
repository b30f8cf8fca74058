import type { z } from 'zod';
import type { dryRunBody } from '../../../contracts/approvals.ts';
import type { Db } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { activeRules, buildChain, type Rule } from '../approvals/index.ts';

/**
 * "How many of the last N days' orders would this rule have sent to approval?" — evaluated
 * on the facts each order was submitted with, so the answer matches what the engine did.
 */
export function createDryRun(db: Db) {
  return async function dryRun(body: z.infer<typeof dryRunBody>) {
    const since = new Date(Date.now() - body.days * 86_400_000).toISOString();
    const rules: Rule[] = body.rule ? [{ id: 'draft', name: body.rule.name, condition: body.rule.condition, levels: body.rule.levels }] : await activeRules(db, 'order');
    const rows = await db.selectFrom('salesOrder').select(['id', 'number', 'gross', 'facts']).where('submittedAt', '>=', since).where('facts', 'is not', null).execute();
    const byRule = new Map(rules.map((r) => [r.id, 0]));
    const samples: { orderId: string; number: string | null; amount: number }[] = [];
    let matched = 0;
    for (const r of rows) {
      const m = buildChain(rules, json.read(r.facts, {})).matched;
      if (m.length === 0) continue;
      matched += 1;
      m.forEach((x) => byRule.set(x.id, byRule.get(x.id)! + 1));
      if (samples.length < 20) samples.push({ orderId: r.id, number: r.number, amount: Number(r.gross) });
    }
    return { orders: rows.length, matched, byRule: rules.map((r) => ({ ruleId: r.id === 'draft' ? null : r.id, name: r.name, matched: byRule.get(r.id)! })), samples };
  };
}
export type DryRun = ReturnType<typeof createDryRun>;

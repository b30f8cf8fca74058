import type { DelayReason, PrefillRule } from '../../../contracts/responsibility.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';

type Q = Db | Tx;

const toDto = (r: { code: string; labelZh: string; labelEn: string; active: number; sortOrder: number; prefill: string }): DelayReason => ({
  code: r.code,
  labelZh: r.labelZh,
  labelEn: r.labelEn,
  active: r.active === 1,
  sortOrder: Number(r.sortOrder),
  prefill: json.read<PrefillRule[]>(r.prefill, []),
});

export const delayReasons = {
  list: async (q: Q) => (await q.selectFrom('delayReason').select(['code', 'labelZh', 'labelEn', 'active', 'sortOrder', 'prefill']).orderBy('sortOrder').orderBy('code').execute()).map(toDto),
  get: async (q: Q, code: string) => {
    const r = await q.selectFrom('delayReason').select(['code', 'labelZh', 'labelEn', 'active', 'sortOrder', 'prefill']).where('code', '=', code).executeTakeFirst();
    return r ? toDto(r) : null;
  },
};

/**
 * Every order event consults the pre-fill rules, so they are cached per database for a few
 * seconds; a change in this process drops the cache at once (as settings do).
 */
const TTL_MS = 5_000;
const cache = new WeakMap<object, { at: number; rules: { code: string; rule: PrefillRule }[] }>();
export async function activePrefillRules(q: Q): Promise<{ code: string; rule: PrefillRule }[]> {
  const key = q.getExecutor().adapter;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.rules;
  const rows = await q.selectFrom('delayReason').select(['code', 'prefill']).where('active', '=', 1).orderBy('sortOrder').execute();
  const rules = rows.flatMap((r) => json.read<PrefillRule[]>(r.prefill, []).map((rule) => ({ code: r.code, rule })));
  cache.set(key, { at: Date.now(), rules });
  return rules;
}
export const dropPrefillCache = (q: Q) => cache.delete(q.getExecutor().adapter);

import { settingDefs, type SettingKey, type SettingValue } from '../../contracts/settings.ts';
import type { Db, Tx } from './db/database.ts';
import { json } from './db/dialect.ts';

/**
 * Settings are read on hot paths (every order submit) and change rarely: cached per
 * database for a few seconds; a write in this process drops the cache at once, other
 * processes see it within the TTL.
 */
const TTL_MS = 5_000;
const caches = new WeakMap<object, Map<string, { value: unknown; at: number }>>();
const cacheOf = (q: Db | Tx) => {
  const key = q.getExecutor().adapter;
  let c = caches.get(key);
  if (!c) caches.set(key, (c = new Map()));
  return c;
};

export async function getSetting<K extends SettingKey>(q: Db | Tx, key: K): Promise<SettingValue<K>> {
  const cache = cacheOf(q);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as SettingValue<K>;
  const row = await q.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  const value = (row ? json.read(row.value, settingDefs[key].default) : settingDefs[key].default) as SettingValue<K>;
  cache.set(key, { value, at: Date.now() });
  return value;
}

export async function putSetting<K extends SettingKey>(q: Db | Tx, key: K, value: SettingValue<K>): Promise<void> {
  await q
    .insertInto('setting')
    .values({ key, value: json.write(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json.write(value) }))
    .execute();
  cacheOf(q).delete(key);
}

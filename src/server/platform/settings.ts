import { settingDefs, type SettingKey, type SettingValue } from '../../contracts/settings.ts';
import type { Db, Tx } from './db/database.ts';
import { json } from './db/dialect.ts';

export async function getSetting<K extends SettingKey>(q: Db | Tx, key: K): Promise<SettingValue<K>> {
  const row = await q.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return (row ? json.read(row.value, settingDefs[key].default) : settingDefs[key].default) as SettingValue<K>;
}

export async function putSetting<K extends SettingKey>(q: Db | Tx, key: K, value: SettingValue<K>): Promise<void> {
  await q
    .insertInto('setting')
    .values({ key, value: json.write(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json.write(value) }))
    .execute();
}

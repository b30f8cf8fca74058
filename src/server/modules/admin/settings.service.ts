import { settingDefs, settingKeys, type SettingKey } from '../../../contracts/settings.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { getSetting, putSetting } from '../../platform/settings.ts';

/** Company settings: each key validated by its own schema; every change audited. */
export function createSettingsService(db: Db) {
  return {
    async all() {
      return Object.fromEntries(await Promise.all(settingKeys.map(async (k) => [k, await getSetting(db, k)])));
    },
    async publicSettings() {
      return { 'company.name': await getSetting(db, 'company.name'), 'customer.approvalFields': await getSetting(db, 'customer.approvalFields') };
    },
    async update(actor: Actor, key: SettingKey, value: unknown) {
      const parsed = settingDefs[key].schema.safeParse(value);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', [fieldError('value', 'invalid_setting')]);
      await inTransaction(db, async (tx) => {
        const before = await getSetting(tx, key);
        await putSetting(tx, key, parsed.data as never);
        await appendEvent(tx, { entityType: 'setting', entityId: key, type: 'setting.updated', actor, before, after: parsed.data });
      });
      return { key, value: parsed.data };
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;

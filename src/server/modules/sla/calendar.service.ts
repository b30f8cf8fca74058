import { z } from 'zod';
import { defaultCalendarConfig, type calendarPutBody, type CalendarConfig, type WorkCalendarYear } from '../../../contracts/calendar.ts';
import type { Db } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction, onCommit } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { RESCAN_NOW, invalidateSlaConfig } from './sla.config.ts';

/**
 * The working calendar per year. A change does not move due times already planned (they were
 * promised on the calendar of the day); it does re-time their reminders and escalations: every
 * open stage is handed back to the scan, which schedules its alerts on the new calendar.
 */
export function createCalendarService(db: Db) {
  async function get(year: number): Promise<WorkCalendarYear> {
    const row = await db.selectFrom('workCalendar').selectAll().where('year', '=', year).executeTakeFirst();
    const config = row ? json.read<CalendarConfig>(row.config, defaultCalendarConfig) : defaultCalendarConfig;
    return { year, ...config, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
  }
  return {
    get,
    async put(actor: Actor, year: number, body: z.infer<typeof calendarPutBody>): Promise<WorkCalendarYear> {
      const { version, ...config } = body;
      const outside = [...config.holidays.map((h, i) => [`holidays.${i}.date`, h.date]), ...config.workdays.map((w, i) => [`workdays.${i}.date`, w.date])].filter(([, d]) => !d.startsWith(`${year}-`));
      if (outside.length) throw new AppError('VALIDATION_FAILED', outside.map(([path]) => fieldError(path, 'wrong_year', { year })));
      const dupes = [...config.holidays.map((h, i) => [`holidays.${i}.date`, h.date]), ...config.workdays.map((w, i) => [`workdays.${i}.date`, w.date])].filter(([, d], i, all) => all.findIndex(([, x]) => x === d) !== i);
      if (dupes.length) throw new AppError('VALIDATION_FAILED', dupes.map(([path]) => fieldError(path, 'duplicate_date')));
      const sorted: CalendarConfig = { ...config, weekendDays: [...new Set(config.weekendDays)].sort(), holidays: [...config.holidays].sort((a, b) => a.date.localeCompare(b.date)), workdays: [...config.workdays].sort((a, b) => a.date.localeCompare(b.date)) };
      await inTransaction(db, async (tx) => {
        const row = await tx.selectFrom('workCalendar').select('version').where('year', '=', year).executeTakeFirst();
        const current = row?.version ?? 0;
        if (version !== undefined && version !== current) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current })]);
        const at = nowIso();
        if (row) {
          const r = await tx.updateTable('workCalendar').set({ config: json.write(sorted), version: current + 1, updatedAt: at }).where('year', '=', year).where('version', '=', current).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch')]);
        } else {
          await tx.insertInto('workCalendar').values({ year, config: json.write(sorted), version: 1, updatedAt: at }).execute();
        }
        await appendEvent(tx, { entityType: 'work_calendar', entityId: String(year), type: 'calendar.updated', actor, data: { version: current + 1, holidays: sorted.holidays.length, workdays: sorted.workdays.length } });
        await tx.updateTable('orderStage').set({ nextAlertAt: RESCAN_NOW }).where('completedAt', 'is', null).where('skipped', '=', 0).where('dueAt', 'is not', null).execute();
        onCommit(tx, () => invalidateSlaConfig(db));
      });
      return get(year);
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;

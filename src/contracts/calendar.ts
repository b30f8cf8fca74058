import { z } from 'zod';

/**
 * The company's working calendar (issue 7): working hours, weekend days, public holidays
 * and make-up workdays (调休) per year. Deadlines in working hours or days are counted on it.
 */

const hhmm = z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: 'invalid_time', params: { reason: 'invalid_time' } });
const day = z.strictObject({
  date: z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'invalid_date', params: { reason: 'invalid_date' } }),
  name: z.string().trim().min(1).max(40),
});
export type CalendarDay = z.infer<typeof day>;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/** One year's calendar as an admin edits it (`PUT /admin/calendar?year=`). */
export const calendarConfig = z
  .strictObject({
    workStart: hhmm,
    workEnd: hhmm,
    lunchStart: hhmm.nullable(),
    lunchEnd: hhmm.nullable(),
    /** 0 = Sunday … 6 = Saturday. */
    weekendDays: z.array(z.number().int().min(0).max(6)).max(6),
    holidays: z.array(day).max(120),
    workdays: z.array(day).max(60),
  })
  .superRefine((c, ctx) => {
    if (minutes(c.workStart) >= minutes(c.workEnd)) ctx.addIssue({ code: 'custom', path: ['workEnd'], message: 'end_before_start', params: { reason: 'end_before_start' } });
    if (!!c.lunchStart !== !!c.lunchEnd) ctx.addIssue({ code: 'custom', path: [c.lunchStart ? 'lunchEnd' : 'lunchStart'], message: 'lunch_pair', params: { reason: 'lunch_pair' } });
    if (c.lunchStart && c.lunchEnd && !(minutes(c.workStart) < minutes(c.lunchStart) && minutes(c.lunchStart) < minutes(c.lunchEnd) && minutes(c.lunchEnd) < minutes(c.workEnd)))
      ctx.addIssue({ code: 'custom', path: ['lunchStart'], message: 'lunch_outside_hours', params: { reason: 'lunch_outside_hours' } });
    const holidays = new Set(c.holidays.map((h) => h.date));
    c.workdays.forEach((w, i) => {
      if (holidays.has(w.date)) ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: 'holiday_and_workday', params: { reason: 'holiday_and_workday' } });
    });
  });
export type CalendarConfig = z.infer<typeof calendarConfig>;

export const calendarPutBody = z.intersection(calendarConfig, z.strictObject({ version: z.number().int().min(0).optional() }).partial());
export const calendarQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const calendarSchema = z.object({
  year: z.number(),
  workStart: z.string(),
  workEnd: z.string(),
  lunchStart: z.string().nullable(),
  lunchEnd: z.string().nullable(),
  weekendDays: z.array(z.number()),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  workdays: z.array(z.object({ date: z.string(), name: z.string() })),
  /** 0 while the year still uses the default (weekends only, no holidays). */
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export type WorkCalendarYear = z.infer<typeof calendarSchema>;

/** What a year without a stored calendar uses: 09:00–18:00, lunch 12:00–13:00, Saturday and Sunday off. */
export const defaultCalendarConfig: CalendarConfig = { workStart: '09:00', workEnd: '18:00', lunchStart: '12:00', lunchEnd: '13:00', weekendDays: [0, 6], holidays: [], workdays: [] };

const range = (from: string, to: string, name: string): CalendarDay[] => {
  const out: CalendarDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push({ date: new Date(t).toISOString().slice(0, 10), name });
  return out;
};

/**
 * Shipped with the migration: the State Council's 2026 schedule (国办发明电〔2025〕
 * 关于2026年部分节假日安排的通知). Admins correct it per year through the API.
 */
export const calendarSeeds: (CalendarConfig & { year: number })[] = [
  {
    year: 2026,
    ...defaultCalendarConfig,
    holidays: [
      ...range('2026-01-01', '2026-01-03', '元旦'),
      ...range('2026-02-15', '2026-02-23', '春节'),
      ...range('2026-04-04', '2026-04-06', '清明节'),
      ...range('2026-05-01', '2026-05-05', '劳动节'),
      ...range('2026-06-19', '2026-06-21', '端午节'),
      ...range('2026-09-25', '2026-09-27', '中秋节'),
      ...range('2026-10-01', '2026-10-07', '国庆节'),
    ],
    workdays: [
      { date: '2026-01-04', name: '元旦调休上班' },
      { date: '2026-02-14', name: '春节调休上班' },
      { date: '2026-02-28', name: '春节调休上班' },
      { date: '2026-05-09', name: '劳动节调休上班' },
      { date: '2026-09-20', name: '国庆节调休上班' },
      { date: '2026-10-10', name: '国庆节调休上班' },
    ],
  },
];

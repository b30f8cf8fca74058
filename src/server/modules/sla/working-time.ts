import type { CalendarConfig } from '../../../contracts/calendar.ts';
import { defaultCalendarConfig } from '../../../contracts/calendar.ts';
import type { SlaUnit } from '../../../contracts/sla.ts';

/**
 * Working-time arithmetic on the company calendar. Pure: a calendar is built from the
 * stored years once and every function takes it as an argument, so tests pass their own.
 */
export interface WorkCalendar {
  timeZone: string;
  /** Working intervals (UTC ms) of a local date; memoised — the scan asks for the same days again and again. */
  intervals(date: string): readonly (readonly [number, number])[];
}

export type WorkingSpan = { hours: number } | { days: number } | { minutes: number };

const DAY = 86_400_000;
const MAX_DAYS = 3_660;
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const nextDate = (d: string, n = 1) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
// Offsets change at most on the hour (DST): cached per zone and hour, since formatting with
// Intl costs ~20 µs and the scan asks thousands of times.
const offsetCache = new Map<string, Map<number, number>>();
function zoneOffset(ms: number, timeZone: string): number {
  let byHour = offsetCache.get(timeZone);
  if (!byHour) offsetCache.set(timeZone, (byHour = new Map()));
  const hour = Math.floor(ms / 3_600_000);
  let v = byHour.get(hour);
  if (v === undefined) {
    if (byHour.size > 200_000) byHour.clear();
    v = computeOffset(hour * 3_600_000, timeZone);
    byHour.set(hour, v);
  }
  return v;
}

/** The local calendar date of an instant. */
const localDate = (ms: number, timeZone: string) => new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 10);

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function computeOffset(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local wall-clock time (minutes after midnight) on a local date. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = guess - zoneOffset(guess, timeZone);
  return guess - zoneOffset(first, timeZone);
}

/** Builds a calendar from stored years; years without one use `fallback` (weekends only). */
export function buildCalendar(years: Map<number, CalendarConfig>, timeZone: string, fallback: CalendarConfig = defaultCalendarConfig): WorkCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const c of years.values()) {
    for (const h of c.holidays) holidays.add(h.date);
    for (const w of c.workdays) workdays.add(w.date);
  }
  const memo = new Map<string, (readonly [number, number])[]>();
  return {
    timeZone,
    intervals(date) {
      const hit = memo.get(date);
      if (hit) return hit;
      const c = years.get(Number(date.slice(0, 4))) ?? fallback;
      const working = workdays.has(date) || (!holidays.has(date) && !c.weekendDays.includes(weekday(date)));
      let out: (readonly [number, number])[] = [];
      if (working) {
        const at = (t: string) => zonedInstant(date, minutesOf(t), timeZone);
        out = c.lunchStart && c.lunchEnd ? [[at(c.workStart), at(c.lunchStart)], [at(c.lunchEnd), at(c.workEnd)]] : [[at(c.workStart), at(c.workEnd)]];
      }
      memo.set(date, out);
      return out;
    },
  };
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return cal.intervals(date).length > 0;
}

/** `t` itself when it is working time, otherwise the start of the next working interval. */
export function nextWorkingTime(t: number, cal: WorkCalendar): number {
  let d = localDate(t, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, d = nextDate(d)) {
    for (const [s, e] of cal.intervals(d)) {
      if (t < s) return s;
      if (t < e) return t;
    }
  }
  throw new Error('the working calendar has no working time ahead');
}

/** `t` itself when it is working time (or the end of an interval), otherwise the end of the previous one. */
export function previousWorkingTime(t: number, cal: WorkCalendar): number {
  let d = localDate(t, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, d = nextDate(d, -1)) {
    const list = cal.intervals(d);
    for (let j = list.length - 1; j >= 0; j--) {
      const [s, e] = list[j];
      if (t > e) return e;
      if (t > s) return t;
    }
  }
  throw new Error('the working calendar has no working time behind');
}

/** The same wall-clock time `n` working days later (n > 0) or earlier (n < 0), from a working instant. */
function shiftWorkingDays(t: number, n: number, cal: WorkCalendar): number {
  let d = localDate(t, cal.timeZone);
  const clock = t - zonedInstant(d, 0, cal.timeZone);
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n), guard = 0; left > 0; guard++) {
    if (guard > MAX_DAYS) throw new Error('the working calendar has no working days');
    d = nextDate(d, step);
    if (isWorkingDay(d, cal)) left--;
  }
  return zonedInstant(d, 0, cal.timeZone) + clock;
}

const spanMs = (span: { hours: number } | { minutes: number }) => ('hours' in span ? span.hours * 3_600_000 : span.minutes * 60_000);

/**
 * `t` plus working time. Hours count only working intervals (a start outside them counts
 * from the next working time); days keep the wall-clock time on the n-th working day after.
 * The result is always working time or the end of an interval, so a due time never lands
 * on a holiday, weekend or lunch break.
 */
export function addWorkingTime(t: number, span: WorkingSpan, cal: WorkCalendar): number {
  if ('days' in span) {
    if (span.days < 0) return subtractWorkingTime(t, { days: -span.days }, cal);
    const from = nextWorkingTime(t, cal);
    return span.days === 0 ? from : nextWorkingTime(shiftWorkingDays(from, span.days, cal), cal);
  }
  let left = spanMs(span);
  if (left < 0) return subtractWorkingTime(t, 'hours' in span ? { hours: -span.hours } : { minutes: -span.minutes }, cal);
  if (left === 0) return nextWorkingTime(t, cal);
  let d = localDate(t, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, d = nextDate(d)) {
    for (const [s, e] of cal.intervals(d)) {
      if (e <= t) continue;
      const from = Math.max(s, t);
      if (left <= e - from) return from + left;
      left -= e - from;
    }
  }
  throw new Error('the working calendar has no working time ahead');
}

/** `t` minus working time: the mirror of `addWorkingTime`, landing on working time or the end of an interval. */
export function subtractWorkingTime(t: number, span: WorkingSpan, cal: WorkCalendar): number {
  if ('days' in span) {
    if (span.days < 0) return addWorkingTime(t, { days: -span.days }, cal);
    const from = previousWorkingTime(t, cal);
    if (span.days === 0) return from;
    const shifted = shiftWorkingDays(from, -span.days, cal);
    return previousWorkingTime(shifted, cal);
  }
  let left = spanMs(span);
  if (left < 0) return addWorkingTime(t, 'hours' in span ? { hours: -span.hours } : { minutes: -span.minutes }, cal);
  if (left === 0) return previousWorkingTime(t, cal);
  let d = localDate(t, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, d = nextDate(d, -1)) {
    const list = cal.intervals(d);
    for (let j = list.length - 1; j >= 0; j--) {
      const [s, e] = list[j];
      if (s >= t) continue;
      const to = Math.min(e, t);
      if (left <= to - s) return to - left;
      left -= to - s;
    }
  }
  throw new Error('the working calendar has no working time behind');
}

/** An offset in a rule's unit from `t`: elapsed hours ignore the calendar, working units use it. */
export function offsetTime(t: number, amount: number, unit: SlaUnit, cal: WorkCalendar): number {
  if (unit === 'hours') return t + amount * 3_600_000;
  const span: WorkingSpan = unit === 'working_days' ? { days: amount } : { hours: amount };
  return addWorkingTime(t, span, cal);
}

/**
 * The working calendar of a work center — the one place the scheduler asks "when can this
 * center work?". A center works its capacity (minutes per day) from its own shift start
 * (08:00 China time unless set on the center; the shift ends by midnight) on the company calendar's working days (holidays off, make-up workdays on: `workingDay`, from
 * the calendar admins keep in 设置 → 工作日历), Monday to Friday when none is given.
 * Times are epoch milliseconds; China has no daylight saving, so a local day is a fixed
 * UTC+8 offset.
 */

export const MINUTE = 60_000;
export const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;
/** Default shift start, minutes after local midnight (a center without its own). */
export const SHIFT_START_MINUTES = 8 * 60;
/** How far ahead the scheduler looks before it calls an operation unschedulable. */
export const HORIZON_DAYS = 3 * 366;

export interface CenterCalendar {
  /** Working minutes per working day (0 = no capacity at all). */
  capacityMinutes: number;
  /** When the shift starts, minutes after local midnight; SHIFT_START_MINUTES when not given. start + capacity ≤ 1440. */
  shiftStartMinutes?: number;
  /** The company calendar's answer for a local day (holidays, make-up workdays); Monday–Friday without one. */
  workingDay?: (dayStart: number) => boolean;
  /** Times the center cannot work (equipment down): [from, to), to = null for "until further notice". */
  blocked: { from: number; to: number | null }[];
}

/** Local (China) midnight of the day containing `t`. */
export const localDayStart = (t: number) => Math.floor((t + OFFSET) / DAY) * DAY - OFFSET;

/** The local date (YYYY-MM-DD) of a local day's start. */
export const localDateOf = (dayStart: number) => new Date(dayStart + OFFSET).toISOString().slice(0, 10);

/** Monday to Friday: the fallback when no company calendar is passed. */
export function isWorkingDay(dayStart: number): boolean {
  const weekday = new Date(dayStart + OFFSET).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The working window [start, end) of the day starting at `dayStart`, or null on a day off. */
function windowOf(cal: CenterCalendar, dayStart: number): [number, number] | null {
  if (cal.capacityMinutes <= 0 || !(cal.workingDay ?? isWorkingDay)(dayStart)) return null;
  const start = dayStart + (cal.shiftStartMinutes ?? SHIFT_START_MINUTES) * MINUTE;
  return [start, start + cal.capacityMinutes * MINUTE];
}

/**
 * Walks the calendar from `start` and consumes `minutes` of working time; answers the
 * instant the work starts (the first working instant at or after `start`) and the instant it
 * finishes, or null when the center has no working time left within the horizon (no
 * capacity, or down with no expected repair time) — never an endless loop.
 */
export function placeWork(cal: CenterCalendar, start: number, minutes: number): { start: number; finish: number } | null {
  let t = start;
  let left = Math.max(0, minutes) * MINUTE;
  let begun: number | null = null;
  const lastDay = localDayStart(start) + HORIZON_DAYS * DAY;
  while (localDayStart(t) <= lastDay) {
    const day = localDayStart(t);
    const w = windowOf(cal, day);
    if (!w || t >= w[1]) {
      t = day + DAY;
      continue;
    }
    if (t < w[0]) t = w[0];
    const block = cal.blocked.find((b) => b.from <= t && (b.to === null || t < b.to));
    if (block) {
      if (block.to === null) return null;
      t = block.to;
      continue;
    }
    begun ??= t;
    if (left === 0) return { start: begun, finish: t };
    let end = w[1];
    for (const b of cal.blocked) if (b.from > t && b.from < end) end = b.from;
    const take = Math.min(left, end - t);
    t += take;
    left -= take;
    if (left === 0) return { start: begun, finish: t };
  }
  return null;
}

/**
 * Working minutes of the center within [from, to): the overlap with each working day's
 * shift window. The board splits an operation's quantity over days by this share.
 */
export function workingMinutesIn(cal: CenterCalendar, from: number, to: number): number {
  let total = 0;
  for (let day = localDayStart(from); day < to; day += DAY) {
    const w = windowOf(cal, day);
    if (w) total += Math.max(0, Math.min(w[1], to) - Math.max(w[0], from));
  }
  return total / MINUTE;
}

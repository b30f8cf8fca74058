/**
 * Terminal output shared by the commands. Results go to stdout; progress and notes go to
 * stderr, so `TOKEN=$(gendan token create …)` and `gendan backup > log` stay clean.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { errorCatalog, errorMessage, fieldReasonMessage, type ErrorCode, type Locale } from '../contracts/errors.ts';

export const note = (line: string) => process.stderr.write(`${line}\n`);
export const result = (line: string) => process.stdout.write(`${line}\n`);

/** Error text follows the terminal's language (LANG=zh_CN.UTF-8 → Chinese). */
export function cliLocale(env = process.env): Locale {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh-CN' : 'en-US';
}

/**
 * Recognised by shape rather than `instanceof AppError`, so the CLI's error path does not
 * load the HTTP layer (fastify, zod locales) just to print a message.
 */
export function isAppError(err: unknown): err is { code: ErrorCode; details: unknown } {
  const code = (err as { code?: unknown })?.code;
  return err instanceof Error && typeof code === 'string' && Object.hasOwn(errorCatalog, code);
}

/** A field detail `{ path, code, message?, values? }` as `path: reason (values)`, worded like the API words it. */
function describeDetail(d: { path?: string; code?: string; message?: string; values?: unknown }, locale: Locale): string {
  const reason = d.message ?? (d.code ? (fieldReasonMessage(d.code, locale) ?? d.code) : '');
  const values = Array.isArray(d.values) && d.values.length ? ` (${d.values.join(', ')})` : '';
  return `${d.path ? `${d.path}: ` : ''}${reason}${values}`;
}

/** An AppError as one readable line: code, localized message, and the field details. */
export function describeAppError(err: { code: ErrorCode; details: unknown }, locale = cliLocale()): string {
  const details = Array.isArray(err.details) ? err.details.map((d) => describeDetail(d ?? {}, locale)) : [];
  return `${err.code}: ${errorMessage(err.code, locale)}${details.length ? ` — ${details.join('; ')}` : ''}`;
}

/** A zod issue's message; refinements that carry a reason code (invalid_mobile) get the catalog's words. */
export const issueText = (message: string, locale = cliLocale()) => fieldReasonMessage(message, locale) ?? message;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

export const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** `YYYYMMDD-HHmmss` in the company time zone: backup names sort by time and read like the wall clock. */
export function fileStamp(timeZone: string, at = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
}

/**
 * Percent progress. On a terminal the line is rewritten in place; in a log (not a TTY) only
 * every 10 % step is printed, so a cron job's mail stays short.
 */
export function progress(label: string) {
  const tty = process.stderr.isTTY;
  let lastStep = -1;
  return {
    update(fraction: number, detail = '') {
      const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
      if (tty) {
        process.stderr.write(`\r${label} ${String(pct).padStart(3)}%${detail ? `  ${detail}` : ''}\x1b[K`);
      } else if (Math.floor(pct / 10) > lastStep) {
        lastStep = Math.floor(pct / 10);
        note(`${label} ${pct}%${detail ? `  ${detail}` : ''}`);
      }
    },
    /** A line of its own, without breaking the percent line on a terminal. */
    say(line: string) {
      if (tty) process.stderr.write(`\r\x1b[K${line}\n`);
      else note(line);
    },
    done() {
      if (tty) process.stderr.write(`\r${label} 100%\x1b[K\n`);
      else if (lastStep < 10) note(`${label} 100%`);
    },
  };
}

/** Reads a line without echoing it (password prompts). */
export async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      muted = true;
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** Real local services for the notification tests: an HTTP receiver, a log that records, polling. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DbHandle } from '../../src/server/platform/db/database.ts';
import { loadDeliveries } from '../../src/server/platform/outbox/outbox.ts';

export async function waitFor(what: string, fn: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1:0. `respond(n)` decides the answer to the n-th request
 * (1-based): a status and body, or 'hang' to never answer.
 */
export async function startReceiver(respond: (n: number, req: Omit<Received, 'status'>) => { status: number; body?: string } | 'hang' = () => ({ status: 200 })): Promise<Receiver> {
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const answer = respond(requests.length + 1, r);
      if (answer === 'hang') {
        requests.push({ ...r, status: 0 });
        return;
      }
      requests.push({ ...r, status: answer.status });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface LogEntry {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

/** A logger with the pino surface the channels use, recording every entry. */
export function recordingLog() {
  const entries: LogEntry[] = [];
  const at =
    (level: string) =>
    (obj: Record<string, unknown> | string, msg?: string) => {
      if (typeof obj === 'string') entries.push({ level, obj: {}, msg: obj });
      else entries.push({ level, obj, msg: msg ?? '' });
    };
  const log: any = { entries, info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug'), trace: at('trace'), fatal: at('fatal'), level: 'info' };
  log.child = () => log;
  log.silent = () => {};
  return log as { entries: LogEntry[] } & import('fastify').FastifyBaseLogger;
}

export async function outboxRow(handle: DbHandle, id: string) {
  const [row] = await loadDeliveries(handle.db, [id]);
  return row;
}

export async function waitForState(handle: DbHandle, id: string, state: 'done' | 'dead', timeoutMs = 10_000) {
  await waitFor(`outbox ${id} ${state}`, async () => (await outboxRow(handle, id))?.state === state, timeoutMs);
  return outboxRow(handle, id);
}

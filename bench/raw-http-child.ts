/**
 * `node --import tsx bench/raw-http-child.ts <sqlite file> <world json> <each|group>`: serves
 * POST /orders with the raw intake transaction (bench/raw.bench.ts) behind bare node:http; the
 * body is read and parsed as an API would, then ignored. `each` commits every order on its
 * own; `group` runs the orders whose bodies arrived in the same turn of the event loop in one
 * transaction, a savepoint each, and answers them after its commit. Prints its port.
 */
import { createServer, type ServerResponse } from 'node:http';
import { openRawSqlite, type World } from './raw.bench.ts';

const [path, worldJson, commit] = process.argv.slice(2) as [string, string, 'each' | 'group'];
const world = JSON.parse(worldJson) as World;
const { db, writes, inTransaction, intake } = openRawSqlite(path);

const reply = (res: ServerResponse, number: string) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ number, status: 'confirmed' }));
const fail = (res: ServerResponse, e: unknown) => res.writeHead(500).end(String(e));

let waiting: ServerResponse[] = [];
function flush() {
  const batch = waiting;
  waiting = [];
  const done: [ServerResponse, string | Error][] = inTransaction(() =>
    batch.map((res) => {
      db.exec('SAVEPOINT o');
      try {
        const number = writes(world);
        db.exec('RELEASE o');
        return [res, number];
      } catch (e) {
        db.exec('ROLLBACK TO o');
        db.exec('RELEASE o');
        return [res, e as Error];
      }
    }),
  );
  for (const [res, out] of done) typeof out === 'string' ? reply(res, out) : fail(res, out);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString());
      if (commit === 'each') return reply(res, intake(world));
      if (waiting.push(res) === 1) setImmediate(flush);
    } catch (e) {
      fail(res, e);
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log((server.address() as { port: number }).port));

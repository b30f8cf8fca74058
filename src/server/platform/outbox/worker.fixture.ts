/**
 * A second outbox worker in its own process, for the concurrency test (worker.test.ts):
 * `fork(this file, [databaseUrl, channel])`. It reports each job it runs over IPC and stops
 * on 'stop'. A separate process, not a second handle in the test's process: better-sqlite3
 * waits for a lock synchronously, which would freeze the very thread that holds it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../db/database.ts';
import { OutboxWorker } from './worker.ts';

const [url, channel] = process.argv.slice(2);
const handle = openDatabase(url);
const worker = new OutboxWorker(handle, {
  handlers: {
    [channel]: async (job) => {
      process.send!({ ran: job.id });
      await sleep(20);
    },
  },
  backoffMs: 20,
  pollMs: 10,
  batchSize: 10,
});
worker.start();
process.send!({ ready: true });
process.on('message', async (m) => {
  if (m !== 'stop') return;
  await worker.stop();
  await handle.close();
  process.send!({ stopped: true }, () => process.exit(0));
});

/** `serve`, `worker`, `migrate`: the long-running faces of the one process (DESIGN.md). */
import type { CommandInput } from './command.ts';
import { openAndMigrate } from '../server/bootstrap.ts';
import { serve, startWorker } from '../server/main.ts';
import type { DbHandle } from '../server/platform/db/database.ts';
import { LiveHub } from '../server/platform/live.ts';
import { seedDemo } from './demo.ts';

function waitForSignal(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = async () => {
      await stop();
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

export async function runServe({ config, values }: CommandInput) {
  if (values.demo) config.demo = true;
  const afterMigrate = config.demo
    ? async (ctx: { handle: DbHandle }) => {
        await seedDemo(ctx.handle, { publicUrl: config.publicUrl });
      }
    : undefined;
  const server = await serve(config, { afterMigrate });
  console.log(`\n  Gendan 跟单 is running at ${server.url}  (database: ${server.handle.dialect} ${server.handle.location})`);
  // In demo mode the seed has just set admin's password to the demo one, so printing the
  // generated password would be a lie; the login page lists the real ones.
  if (server.admin && !config.demo) {
    console.log(
      server.admin.generated
        ? `  First start: user "admin", password "${server.admin.password}" — shown once, change it after signing in.`
        : `  First start: user "admin" created with the password from GENDAN_ADMIN_PASSWORD.`,
    );
  }
  if (config.demo) console.log('  Demo mode: demo accounts and their passwords are listed on the login page.');
  console.log('');
  await waitForSignal(server.shutdown);
}

export async function runWorker({ config }: CommandInput) {
  const handle = await openAndMigrate(config);
  const live = new LiveHub();
  if (handle.pool) await live.connectPostgres(config.databaseUrl, handle.pool);
  const pino = (await import('pino')).default;
  const w = startWorker({ config, handle, live, log: pino({ level: config.logLevel }) as any });
  console.log(`gendan worker ${w.worker.id} running on ${handle.dialect}`);
  await waitForSignal(async () => {
    await w.stop();
    await live.close();
    await handle.close();
  });
}

export async function runMigrate({ config }: CommandInput) {
  const handle = await openAndMigrate(config);
  console.log(`database ${handle.dialect} ${handle.location} is up to date`);
  await handle.close();
}

import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../server/config.ts';
import { openAndMigrate } from '../server/bootstrap.ts';
import { serve, startWorker } from '../server/main.ts';
import { LiveHub } from '../server/platform/live.ts';

export interface CommandInput {
  config: Config;
  values: Record<string, any>;
  positionals: string[];
}

export interface Command {
  help: string;
  options?: ParseArgsConfig['options'];
  run(input: CommandInput): Promise<number | void>;
}

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

export const commands: Record<string, Command> = {
  serve: {
    help: 'start the web app and API (and the worker unless GENDAN_WORKER=off); --demo for the demo company',
    options: { demo: { type: 'boolean' } },
    async run({ config, values }) {
      if (values.demo) config.demo = true;
      const { seedDemo } = await import('./demo.ts');
      const server = await serve(config, { afterMigrate: config.demo ? (ctx) => seedDemo(ctx.handle) : undefined });
      console.log(`\n  Gendan 跟单 is running at ${server.url}  (database: ${server.handle.dialect} ${server.handle.location})`);
      if (server.admin) {
        console.log(
          server.admin.generated
            ? `  First start: user "admin", password "${server.admin.password}" — shown once, change it after signing in.`
            : `  First start: user "admin" created with the password from GENDAN_ADMIN_PASSWORD.`,
        );
      }
      if (config.demo) console.log('  Demo mode: demo accounts and their passwords are listed on the login page.');
      console.log('');
      await waitForSignal(server.shutdown);
    },
  },
  worker: {
    help: 'run only the worker (outbox delivery, reminders); start any number of them',
    async run({ config }) {
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
    },
  },
  migrate: {
    help: 'apply database migrations and exit',
    async run({ config }) {
      const handle = await openAndMigrate(config);
      console.log(`database ${handle.dialect} ${handle.location} is up to date`);
      await handle.close();
    },
  },
};

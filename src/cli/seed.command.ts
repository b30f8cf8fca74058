/** `gendan seed --demo`: the demo company into the configured database. */
import { CliError, type CommandInput } from './command.ts';
import { openForWrites } from './database.ts';
import { seedDemo } from './demo.ts';
import { formatMs, note, result } from './output.ts';

export async function runSeed({ config, values }: CommandInput) {
  if (!values.demo) throw new CliError('nothing to seed: the only seed is --demo (gendan seed --demo)', 2);
  const started = performance.now();
  const handle = await openForWrites(config);
  try {
    note(`seeding the demo company into ${handle.dialect} ${handle.location}`);
    const report = await seedDemo(handle, {
      publicUrl: config.publicUrl,
      onStep: (r) => note(`  ${r.name.padEnd(14)} ${r.created} created, ${r.updated} updated  (${formatMs(r.ms)})`),
    });
    const created = report.reduce((n, r) => n + r.created, 0);
    const updated = report.reduce((n, r) => n + r.updated, 0);
    result(
      created + updated === 0
        ? 'demo company already complete: nothing changed'
        : `demo company seeded: ${created} created, ${updated} updated in ${formatMs(performance.now() - started)}`,
    );
    result('demo accounts: see src/server/demo/accounts.ts, or the login page of `gendan serve --demo`');
  } finally {
    await handle.close();
  }
}

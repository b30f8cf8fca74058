import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { commands } from './commands.ts';

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;

if (!command) {
  console.log(`gendan — 跟单 sales order tracking

Usage: gendan <command> [options]

Commands:
${Object.entries(commands)
  .map(([n, c]) => `  ${n.padEnd(14)} ${c.help}`)
  .join('\n')}

Configuration comes from the environment (DATABASE_URL, PORT, HOST, …); see README.md.`);
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}

try {
  const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  const code = await command.run({ config: loadConfig(), values: values as Record<string, any>, positionals });
  if (typeof code === 'number') process.exitCode = code;
} catch (err) {
  console.error(`gendan ${name}: ${(err as Error).message}`);
  process.exitCode = 1;
}

import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { CliError } from './command.ts';
import { commands } from './commands.ts';
import { describeAppError, isAppError } from './output.ts';

const args = process.argv.slice(2);
const isHelp = (a: string | undefined) => a === '--help' || a === '-h' || a === 'help';

// "user create" style commands take two words; fall back to one.
const two = args.length >= 2 ? `${args[0]} ${args[1]}` : '';
const name = commands[two] ? two : args[0];
const rest = args.slice(commands[two] ? 2 : 1);
const command = name ? commands[name] : undefined;

function listCommands(filter?: string) {
  return Object.entries(commands)
    .filter(([n]) => !filter || n.startsWith(`${filter} `))
    .map(([n, c]) => `  ${n.padEnd(14)} ${c.help}`)
    .join('\n');
}

if (!command) {
  // `gendan user` names a group: list its commands instead of the whole help.
  const group = name && !isHelp(name) ? listCommands(name) : '';
  const known = group && (rest.length === 0 || isHelp(rest[0]));
  if (group) {
    if (!known) console.error(`gendan: unknown command "${name} ${rest[0]}"\n`);
    console.log(`Usage: gendan ${name} <command> [options]\n\n${group}`);
  } else {
    if (name && !isHelp(name)) console.error(`gendan: unknown command "${name}"\n`);
    console.log(`gendan — 跟单 sales order tracking

Usage: gendan <command> [options]      gendan <command> --help for its options

Commands:
${listCommands()}

Configuration comes from the environment (DATABASE_URL, PORT, HOST, …); see README.md.`);
  }
  process.exit(!name || isHelp(name) || known ? 0 : 2);
}

if (rest.some(isHelp)) {
  console.log(`Usage: gendan ${name} [options]\n\n  ${command.help}${command.usage ? `\n\n${command.usage}` : ''}`);
  process.exit(0);
}

let parsed: { values: Record<string, any>; positionals: string[] };
try {
  parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
} catch (err) {
  console.error(`gendan ${name}: ${(err as Error).message}\nSee: gendan ${name} --help`);
  process.exit(2);
}

try {
  const code = await command.run({ config: loadConfig(), values: parsed.values, positionals: parsed.positionals });
  if (typeof code === 'number') process.exitCode = code;
} catch (err) {
  if (err instanceof CliError) {
    console.error(`gendan ${name}: ${err.message}`);
    process.exitCode = err.exitCode;
  } else if (isAppError(err)) {
    console.error(`gendan ${name}: ${describeAppError(err)}`);
    process.exitCode = 1;
  } else {
    // Unexpected errors are mostly operational (database unreachable, disk full): the
    // message says what happened; the stack is for bug reports.
    const debug = process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace';
    console.error(`gendan ${name}: ${debug ? ((err as Error)?.stack ?? err) : ((err as Error)?.message ?? err)}`);
    if (!debug) console.error('  (LOG_LEVEL=debug shows the stack trace)');
    process.exitCode = 1;
  }
}

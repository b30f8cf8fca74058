/**
 * Every `gendan` command: name → help, options, and a lazily imported implementation.
 * Two-word names ("user create") are dispatched by main.ts; `gendan user` lists the group.
 */
import type { Command } from './command.ts';

export type { Command, CommandInput } from './command.ts';

export const commands: Record<string, Command> = {
  serve: {
    help: 'start the web app and API (and the worker unless GENDAN_WORKER=off); --demo for the demo company',
    usage: '  --demo        seed the demo company and list the demo accounts on the login page (also GENDAN_DEMO=1)',
    options: { demo: { type: 'boolean' } },
    run: async (input) => (await import('./server.commands.ts')).runServe(input),
  },
  worker: {
    help: 'run only the worker (outbox delivery, reminders); start any number of them',
    run: async (input) => (await import('./server.commands.ts')).runWorker(input),
  },
  migrate: {
    help: 'apply database migrations and exit',
    run: async (input) => (await import('./server.commands.ts')).runMigrate(input),
  },
  seed: {
    help: 'seed --demo: add the demo company (teams, a user per role, customers) to the database; safe to repeat',
    usage: '  --demo        the only seed there is; running it again changes nothing',
    options: { demo: { type: 'boolean' } },
    run: async (input) => (await import('./seed.command.ts')).runSeed(input),
  },
  'user create': {
    help: 'create a user: --username NAME --roles admin,sales [--password PW] [--display-name 名字] [--email] [--mobile]',
    usage: [
      '  --username NAME        login name (letters, digits, _ . -)',
      '  --roles a,b            role keys, e.g. admin, sales_manager, sales, coordinator, finance, warehouse, planner, aftersales',
      '  --password PW          or GENDAN_USER_PASSWORD, or typed at the prompt (a password on the command line',
      '                         lands in the shell history and the process list)',
      '  --display-name 名字    shown in the app (default: the username)',
      '  --email, --mobile      optional contact data (mobile: 11-digit CN number)',
    ].join('\n'),
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      roles: { type: 'string' },
      'display-name': { type: 'string' },
      email: { type: 'string' },
      mobile: { type: 'string' },
    },
    run: async (input) => (await import('./accounts.commands.ts')).runUserCreate(input),
  },
  'token create': {
    help: 'create an API token: --user NAME [--name label] [--days N]; prints the secret once',
    usage: [
      '  --user NAME    the user the token acts as (same permissions)',
      '  --name LABEL   what the token is for, shown in the admin UI (default "cli")',
      '  --days N       expires after N days (default: never)',
      'Only the secret goes to stdout: TOKEN=$(gendan token create --user erp --name erp-sync)',
    ].join('\n'),
    options: { user: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } },
    run: async (input) => (await import('./accounts.commands.ts')).runTokenCreate(input),
  },
  backup: {
    help: 'back up the database to a file (SQLite online backup / pg_dump -Fc): [--out FILE]',
    usage: [
      '  --out FILE     default ./backups/gendan-YYYYMMDD-HHmmss.db (SQLite) or .dump (PostgreSQL)',
      'Safe while the server runs. Never overwrites an existing file.',
    ].join('\n'),
    options: { out: { type: 'string' } },
    run: async (input) => (await import('./backup/backup.command.ts')).runBackup(input),
  },
  'check-ledger': {
    help: 'verify stock: Σ movements = on hand, Σ active reservations = reserved, 0 ≤ reserved ≤ on hand; exit 1 on any violation',
    usage: '  --json        the result as JSON (quantities in product units)\nChanges no stock data; safe while the server runs.',
    options: { json: { type: 'boolean' } },
    run: async (input) => (await import('./check-ledger.command.ts')).runCheckLedger(input),
  },
  restore: {
    help: 'restore a backup FILE into the configured database, then migrate: [--force] to replace existing data',
    usage: [
      '  FILE           a file made by `gendan backup` for the same kind of database',
      '  --force        replace a database that already holds data',
      'Stop the server first. SQLite: restore refuses while any process has the file open (a copy',
      'under a running server would be mixed with its write-ahead log); the replaced file is kept',
      'beside it as *.before-restore-<time>. PostgreSQL: the whole replacement is one transaction.',
    ].join('\n'),
    options: { force: { type: 'boolean' } },
    run: async (input) => (await import('./backup/restore.command.ts')).runRestore(input),
  },
};

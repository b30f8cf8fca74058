/** `gendan user create` and `gendan token create`: accounts without the web UI (first admin, integrations). */
import { apiTokenCreateBody } from '../contracts/auth.ts';
import { userCreateBody } from '../contracts/admin.ts';
import { assertPasswordPolicy, createUsersService, findUserByUsername } from '../server/modules/admin/index.ts';
import { createAuthService } from '../server/modules/auth/index.ts';
import { systemActor } from '../server/platform/http/actor.ts';
import { CliError, type CommandInput } from './command.ts';
import { openForWrites } from './database.ts';
import { issueText, note, promptHidden, result } from './output.ts';

/** Flag, then environment, then a prompt on a terminal; a script without any of them fails rather than hangs. */
async function readPassword(flag: string | undefined): Promise<string> {
  if (flag) return flag;
  if (process.env.GENDAN_USER_PASSWORD) return process.env.GENDAN_USER_PASSWORD;
  if (!process.stdin.isTTY) throw new CliError('no password: pass --password, set GENDAN_USER_PASSWORD, or run in a terminal to be asked');
  const first = await promptHidden('Password: ');
  const again = await promptHidden('Password again: ');
  if (first !== again) throw new CliError('the two passwords differ');
  return first;
}

/** Validates with the same schema as POST /admin/users, so the CLI accepts exactly what the API accepts. */
function parseUser(values: Record<string, any>, password: string) {
  const roles = String(values.roles ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const parsed = userCreateBody.safeParse({
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    password,
    roles,
    email: values.email ?? null,
    mobile: values.mobile ?? null,
  });
  if (!parsed.success) {
    const flag = (path: string) => (path === 'displayName' ? 'display-name' : path);
    const issues = parsed.error.issues.map((i) => `--${flag(String(i.path[0] ?? ''))}: ${issueText(i.message)}`);
    throw new CliError(`invalid input\n  ${issues.join('\n  ')}`);
  }
  return parsed.data;
}

export async function runUserCreate({ config, values }: CommandInput) {
  if (!values.username) throw new CliError('--username is required', 2);
  if (!values.roles) throw new CliError('--roles is required (e.g. --roles sales or --roles admin,finance)', 2);
  const input = parseUser(values, await readPassword(values.password));
  assertPasswordPolicy(input.password); // the service checks it too; here it fails before a database is opened (or created)
  const handle = await openForWrites(config);
  try {
    // One transaction in the service: an unknown role or a taken name writes nothing.
    const user = await createUsersService(handle.db).create(systemActor, input);
    result(`created user ${user.username} (${user.displayName}), roles ${user.roles.join(', ')}, id ${user.id}`);
  } finally {
    await handle.close();
  }
}

export async function runTokenCreate({ config, values }: CommandInput) {
  if (!values.user) throw new CliError('--user is required', 2);
  if (values.days !== undefined && !/^\d+$/.test(values.days)) throw new CliError('--days must be a whole number of days', 2);
  const parsed = apiTokenCreateBody.safeParse({ name: values.name ?? 'cli', expiresInDays: values.days === undefined ? undefined : Number(values.days) });
  if (!parsed.success) throw new CliError(`invalid input: ${parsed.error.issues.map((i) => `--${i.path[0] === 'expiresInDays' ? 'days' : 'name'}: ${i.message}`).join('; ')}`, 2);
  const handle = await openForWrites(config);
  try {
    const user = await findUserByUsername(handle.db, values.user);
    if (!user) throw new CliError(`no user "${values.user}"`);
    if (user.active !== 1) throw new CliError(`user "${values.user}" is disabled; a token for it would not authenticate`);
    const { token, secret } = await createAuthService(handle.db, config).createToken(systemActor, user.id, parsed.data.name, parsed.data.expiresInDays);
    note(`API token "${token.name}" for ${user.username} (${user.displayName}), ${token.expiresAt ? `expires ${token.expiresAt}` : 'no expiry'}.`);
    note('This is the only time the secret is shown; only its hash is stored. Use it as: Authorization: Bearer <secret>');
    result(secret);
  } finally {
    await handle.close();
  }
}

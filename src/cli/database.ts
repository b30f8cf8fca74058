import { openAndMigrate } from '../server/bootstrap.ts';
import type { Config } from '../server/config.ts';
import { registerWebhookFanOut } from '../server/modules/notifications/index.ts';
import type { DbHandle } from '../server/platform/db/database.ts';

/**
 * The database for a command that writes through services. Event subscribers are
 * registered by whoever builds the app; a CLI process builds none, so without this a user
 * created by `gendan user create` would never reach the webhooks that listen for `user.*`.
 */
export async function openForWrites(config: Pick<Config, 'databaseUrl'>): Promise<DbHandle> {
  registerWebhookFanOut();
  return openAndMigrate(config);
}

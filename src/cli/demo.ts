import type { DbHandle } from '../server/platform/db/database.ts';

/** Seeds the demo company (idempotent). Filled in by the demo-data work. */
export async function seedDemo(_handle: DbHandle): Promise<void> {}

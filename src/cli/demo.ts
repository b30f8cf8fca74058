import type { DbHandle } from '../server/platform/db/database.ts';
import { seedDemoCompany, type DemoSeedReport } from '../server/demo/seed.ts';

/**
 * Seeds the demo company (idempotent). Called by `serve --demo` / GENDAN_DEMO=1 after
 * migrations and the first-start admin, and by `gendan seed --demo`.
 */
export async function seedDemo(handle: DbHandle, opts: { publicUrl?: string; onStep?: (r: DemoSeedReport[number]) => void } = {}): Promise<DemoSeedReport> {
  return seedDemoCompany(handle, opts);
}

import type { DemoSeedStep } from './seed.ts';
import { customersStep } from './customers.seed.ts';
import { peopleStep, teamManagersStep, teamsStep } from './organisation.seed.ts';

/**
 * The demo seed, in order. Each module adds its step here when its tables exist, after the
 * steps it depends on; still to come: catalog (products, BOMs) → inventory (warehouses,
 * opening stock) → requirements → orders at every stage → shipments, invoices and
 * receipts → after-sales tickets. A step lives beside its data in
 * `src/server/demo/<domain>.seed.ts` and writes through its module's door.
 */
export const demoSeedSteps: readonly DemoSeedStep[] = [teamsStep, peopleStep, teamManagersStep, customersStep];

/**
 * customers — the customer master (contacts, addresses, invoice info, owner, credit),
 * duplicate detection, change history and the communication log. Data scope: owner.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { createCommunicationsService } from './communications.service.ts';
import { createCustomerImport } from './customers.import.ts';
import { customerRoutes } from './customers.routes.ts';
import { createCustomersService } from './customers.service.ts';

export { createCustomersService, type CustomersService } from './customers.service.ts';
export { customerFileReferrer } from './customer-files.ts';

export function registerCustomers(app: App, ctx: AppContext) {
  const customers = createCustomersService(ctx.handle.db, ctx.config.publicUrl);
  const communications = createCommunicationsService(ctx.handle.db, ctx.config.publicUrl);
  customerRoutes(app, customers, communications, createCustomerImport(ctx.handle.db, ctx.live));
  return { customers, communications };
}

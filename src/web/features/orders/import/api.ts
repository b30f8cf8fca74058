import { useImportMutation } from '../../../lib/import-flow.ts';
import { orderKeys } from '../api.ts';

/** Checks (dryRun) or imports a file of order lines as drafts; a refused commit answers with its report. */
export const useImportOrders = () => useImportMutation('/api/v1/orders/import', orderKeys.all);

import { useImportMutation } from '../../../lib/import-flow.ts';
import { customerKeys } from '../api.ts';

/** Checks (dryRun) or imports a file of customers; a refused commit answers with its report. */
export const useImportCustomers = () => useImportMutation('/api/v1/customers/import', customerKeys.all);

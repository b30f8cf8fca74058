import type { ImportReport } from '../../../../contracts/customers.ts';
import { api, saveBlob } from '../../../lib/api.ts';
import { useImportMutation } from '../../../lib/import-flow.ts';
import { orderKeys } from '../api.ts';

export type { ImportReport };

export async function downloadOrderTemplate(filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/orders/import-template'), filename);
}

/** Checks (dryRun) or imports a file of order lines as drafts; a refused commit answers with its report. */
export const useImportOrders = () => useImportMutation('/api/v1/orders/import', orderKeys.all);

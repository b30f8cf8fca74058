import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '../../../../contracts/customers.ts';
import { api, ApiError, saveBlob } from '../../../lib/api.ts';
import { XLSX_MIME } from '../../customers/import/api.ts';
import { orderKeys } from '../api.ts';

export type { ImportReport };

export async function downloadOrderTemplate(filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/orders/import-template'), filename);
}

/** Checks (dryRun) or imports a file of order lines as drafts; a refused commit answers with its report. */
export function useImportOrders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<ImportReport> => {
      try {
        return await api.upload<ImportReport>('/api/v1/orders/import', file, XLSX_MIME, { dryRun: String(dryRun) });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'IMPORT_HAS_ERRORS' && err.details && typeof err.details === 'object') return err.details as ImportReport;
        throw err;
      }
    },
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: orderKeys.all })),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '../../../../contracts/customers.ts';
import { api, ApiError, saveBlob } from '../../../lib/api.ts';
import { customerKeys } from '../api.ts';

export type { ImportReport };
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function downloadTemplate(filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/customers/import-template'), filename);
}

/**
 * Checks (dryRun) or imports a file. A commit refused for errors answers 422 with the report
 * in `details`: that report is returned like a dry run's, so the page shows the rows to fix.
 */
export function useImportCustomers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<ImportReport> => {
      try {
        return await api.upload<ImportReport>('/api/v1/customers/import', file, XLSX_MIME, { dryRun: String(dryRun) });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'IMPORT_HAS_ERRORS' && err.details && typeof err.details === 'object') return err.details as ImportReport;
        throw err;
      }
    },
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: customerKeys.all })),
  });
}

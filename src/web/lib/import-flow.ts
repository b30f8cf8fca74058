import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportReport } from '../../contracts/customers.ts';
import { api, ApiError, type Query } from './api.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Checks (dryRun) or imports an .xlsx file at `path`. A commit refused for errors answers 422
 * with the report in `details`: that report is returned like a dry run's, so the page shows
 * the rows to fix. A real import refreshes `invalidates`. `extraQuery` adds an import's own
 * options (e.g. the opening-stock import's `force`).
 */
export function useImportMutation(path: string, invalidates: QueryKey, extraQuery?: (dryRun: boolean) => Query) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<ImportReport> => {
      try {
        return await api.upload<ImportReport>(path, file, XLSX_MIME, { dryRun: String(dryRun), ...extraQuery?.(dryRun) });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'IMPORT_HAS_ERRORS' && err.details && typeof err.details === 'object') return err.details as ImportReport;
        throw err;
      }
    },
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: invalidates })),
  });
}

export type ImportMutation = ReturnType<typeof useImportMutation>;

/** The import wizard's steps: template → upload (checked at once) → check report → done. */
export function useImportFlow(run: ImportMutation, hooks: { onStart?: () => void; onImported: (r: ImportReport) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  return {
    file,
    check,
    done,
    step: done ? 3 : check ? 2 : file ? 1 : 0,
    /** Upload handler: keeps the file and runs the dry run; false stops antd's own upload. */
    start(f: File) {
      setFile(f);
      setCheck(null);
      setDone(null);
      hooks.onStart?.();
      run.mutate({ file: f, dryRun: true }, { onSuccess: setCheck });
      return false;
    },
    commit() {
      if (!file) return;
      run.mutate(
        { file, dryRun: false },
        {
          onSuccess: (r) => {
            if (r.dryRun || r.errorCount > 0) setCheck(r);
            else {
              setDone(r);
              hooks.onImported(r);
            }
          },
        },
      );
    },
    reset() {
      setFile(null);
      setCheck(null);
      setDone(null);
      run.reset();
    },
  };
}

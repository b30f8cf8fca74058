import { useRef } from 'react';
import type { OpeningImportReport } from '../../../../contracts/opening-import.ts';
import { useImportMutation, type ImportMutation } from '../../../lib/import-flow.ts';
import { stockKeys } from '../api.ts';

/**
 * Checks (dryRun) or imports opening stock. The commit sends `force=true` exactly when the
 * last check listed rows that already have movements: the page only lets the user commit
 * such a file after ticking that their on hand may be overwritten.
 */
export function useOpeningImport(): ImportMutation {
  const force = useRef(false);
  const run = useImportMutation('/api/v1/stock/opening-import', stockKeys.all, (dryRun) => (dryRun ? {} : { force: force.current }));
  const last = run.data as OpeningImportReport | undefined;
  if (last?.dryRun) force.current = last.conflicts.length > 0;
  return run;
}

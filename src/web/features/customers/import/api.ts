import type { ImportReport } from '../../../../contracts/customers.ts';
import { api, saveBlob } from '../../../lib/api.ts';
import { useImportMutation } from '../../../lib/import-flow.ts';
import { customerKeys } from '../api.ts';

export type { ImportReport };

export async function downloadTemplate(filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/customers/import-template'), filename);
}

export const useImportCustomers = () => useImportMutation('/api/v1/customers/import', customerKeys.all);

import { Form, type FormInstance } from 'antd';
import { isValidTaxId, normalizeMobile } from '../../../../contracts/cn.ts';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { useDuplicateCheck } from '../api.ts';
import type { ContactRow, CustomerFormValues } from './form-values.ts';

/**
 * Looks for existing customers like the one being typed (name, tax ID, contact mobiles),
 * debounced, before anything is saved — so a rep sees 撞单 while typing, not after.
 */
export function useLiveDuplicates(form: FormInstance<CustomerFormValues>, excludeId?: string) {
  const name = (Form.useWatch('name', form) ?? '').trim();
  const taxId = (Form.useWatch('taxId', form) ?? '').trim().toUpperCase();
  const contacts = (Form.useWatch('contacts', form) ?? []) as ContactRow[];
  const phones = contacts.map((c) => normalizeMobile(c?.phone ?? '')).filter((p): p is string => !!p);
  const body = useDebounced({ ...(name.length >= 2 ? { name } : {}), ...(isValidTaxId(taxId) ? { taxId } : {}), ...(phones.length ? { phones } : {}), ...(excludeId ? { excludeId } : {}) });
  const enabled = !!(body.name || body.taxId || body.phones);
  const check = useDuplicateCheck(body, enabled);
  return { matches: enabled ? (check.data ?? []) : [], checking: enabled && check.isFetching };
}

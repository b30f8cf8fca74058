import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format.ts';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { useFieldLabel } from '../../custom-fields/use-field-label.ts';
import type { Customer } from '../api.ts';
import { useOwnerOptions } from '../use-owner-options.ts';

type Contact = Customer['contacts'][number];
type Address = Customer['addresses'][number];

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.values(v).every((x) => x === null || x === undefined || x === ''));

/**
 * Words for a customer change `{ field, old, new }` as the server records it: scalar fields
 * by name (`creditLimit`), list items by their label (`contacts[陈静].phone`, `addresses[仓库]`).
 * Owners arrive as ids: named from the people this user can see.
 */
export function useChangeFormat() {
  const { t } = useTranslation();
  const owners = useOwnerOptions();
  const defs = useCustomFieldDefs('customer');
  const defLabel = useFieldLabel();
  const none = t('customers.history.empty');

  const scalarLabel = (f: string): string => {
    const keys: Record<string, string> = {
      name: t('customers.name'),
      code: t('customers.code'),
      taxId: t('customers.taxId'),
      tier: t('customers.tierLabel'),
      ownerId: t('customers.owner'),
      paymentTermsDays: t('customers.paymentTerms'),
      creditLimit: t('customers.creditLimit'),
      status: t('common.status'),
      tags: t('customers.tags'),
      invoice: t('customers.section.invoice'),
      customFields: t('customers.section.custom'),
    };
    return keys[f] ?? f;
  };
  const subLabel = (list: string, sub: string) => (list === 'contacts' ? t(`customers.contact.${sub}` as 'customers.contact.name', { defaultValue: sub }) : t(`address.${sub}` as 'address.detail', { defaultValue: sub }));

  const label = (field: string): string => {
    const m = /^(contacts|addresses)\[(.*)\](?:\.(\w+))?$/.exec(field);
    if (!m) return scalarLabel(field);
    const [, list, item, sub] = m;
    const head = `${t(list === 'contacts' ? 'customers.section.contact' : 'customers.section.address')}「${item}」`;
    return sub ? `${head} · ${subLabel(list, sub)}` : head;
  };

  const contactText = (c: Contact) => [c.name, c.role, c.phone, c.landline, c.email].filter(Boolean).join(' · ');
  const addressText = (a: Address) => [`${a.province}${a.city}${a.district}${a.detail}`, a.recipient, a.phone].filter(Boolean).join(' · ');
  const ownerName = (id: string) => owners.find((o) => o.value === id)?.label ?? t('customers.history.someone');

  const value = (field: string, v: unknown): string => {
    if (empty(v)) return none;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'tier') return t(`customers.tier.${v as Customer['tier']}`);
    if (field === 'status') return t(`customers.status.${v as Customer['status']}`);
    if (field === 'creditLimit' && typeof v === 'number') return formatMoney(v);
    if (field === 'paymentTermsDays') return t('customers.daysValue', { count: Number(v) });
    if (field === 'ownerId' && typeof v === 'string') return ownerName(v);
    if (field === 'tags' && Array.isArray(v)) return v.join('、');
    if (field === 'invoice' && typeof v === 'object') {
      return Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => !empty(x))
        .map(([k, x]) => `${t(`customers.invoice.${k}` as 'customers.invoice.title', { defaultValue: k })}：${String(x)}`)
        .join('；');
    }
    if (field === 'customFields' && typeof v === 'object') {
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => {
          const d = defs.data?.find((f) => f.key === k);
          return `${d ? defLabel(d) : k}：${Array.isArray(x) ? x.join('、') : String(x)}`;
        })
        .join('；');
    }
    if (/^contacts\[[^\]]*\]$/.test(field) && typeof v === 'object') return contactText(v as Contact);
    if (/^addresses\[[^\]]*\]$/.test(field) && typeof v === 'object') return addressText(v as Address);
    if (Array.isArray(v)) return v.join('、');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };

  return { label, value };
}

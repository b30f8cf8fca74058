import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { CustomFieldValue } from '../../custom-fields/custom-field-value.tsx';
import { useFieldLabel } from '../../custom-fields/use-field-label.ts';
import type { Customer } from '../api.ts';

/** 基本信息: identity, terms, invoice details and the admin's custom fields. */
export function InfoTab({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const defs = useCustomFieldDefs('customer');
  const label = useFieldLabel();
  const none = t('common.none');
  const inv = c.invoice;
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'name', label: t('customers.name'), children: c.name },
          { key: 'code', label: t('customers.code'), children: <span className="gd-mono">{c.code}</span> },
          { key: 'taxId', label: t('customers.taxId'), children: c.taxId ? <span className="gd-mono">{c.taxId}</span> : none },
          { key: 'terms', label: t('customers.paymentTerms'), children: t('customers.daysValue', { count: c.paymentTermsDays }) },
          ...(c.creditLimit !== undefined ? [{ key: 'credit', label: t('customers.creditLimit'), children: formatMoney(c.creditLimit, c.currency) }] : []),
          { key: 'tags', label: t('customers.tags'), children: c.tags.length ? c.tags.map((x) => <Tag key={x}>{x}</Tag>) : none },
          { key: 'created', label: t('common.createdAt'), children: formatDateTime(c.createdAt) },
          { key: 'updated', label: t('customers.updatedAt'), children: `${formatDateTime(c.updatedAt)} · v${c.version}` },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        title={t('customers.section.invoice')}
        style={{ marginTop: 16 }}
        column={{ xs: 1, sm: 1, md: 2 }}
        items={(['title', 'bank', 'account', 'address', 'phone'] as const).map((k) => ({ key: k, label: t(`customers.invoice.${k}`), children: inv[k] || none }))}
      />
      {!!defs.data?.length && (
        <Descriptions
          size="small"
          bordered
          title={t('customers.section.custom')}
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 1, md: 2 }}
          items={defs.data.map((d) => ({ key: d.key, label: label(d), children: <CustomFieldValue def={d} value={c.customFields[d.key]} /> }))}
        />
      )}
    </>
  );
}

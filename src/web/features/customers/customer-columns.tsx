import type { ColumnsType } from 'antd/es/table';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import type { CustomerListItem } from './api.ts';
import { CustomerStatusTag, CustomerTierTag } from './customer-tags.tsx';

const byText = (f: (c: CustomerListItem) => string | null) => (a: CustomerListItem, b: CustomerListItem) => (f(a) ?? '').localeCompare(f(b) ?? '', 'zh-CN');

/** The dense customer table: who, how important, whose, how to reach them, where. */
export function useCustomerColumns(): ColumnsType<CustomerListItem> {
  const { t } = useTranslation();
  return [
    { title: t('customers.code'), dataIndex: 'code', width: 96, sorter: byText((c) => c.code), render: (v: string) => <span className="gd-mono">{v}</span>, responsive: ['md'] },
    {
      title: t('customers.name'),
      key: 'name',
      width: 240,
      sorter: byText((c) => c.name),
      render: (_, c) => (
        <div className="gd-user-cell">
          <Link to={`/customers/${c.id}`}>{c.name}</Link>
          <span className="gd-only-mobile">
            <CustomerTierTag status={c.tier} />{' '}
            <Typography.Text type="secondary" className="gd-mono">
              {c.code} · {c.primaryContact ?? t('common.none')}
            </Typography.Text>
          </span>
        </div>
      ),
    },
    { title: t('customers.tierShort'), dataIndex: 'tier', width: 64, responsive: ['md'], sorter: byText((c) => c.tier), render: (v: CustomerListItem['tier']) => <CustomerTierTag status={v} /> },
    { title: t('customers.owner'), dataIndex: 'ownerName', width: 96, ellipsis: true, sorter: byText((c) => c.ownerName), responsive: ['sm'], render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('customers.primaryContact'),
      key: 'contact',
      width: 150,
      responsive: ['md'],
      render: (_, c) =>
        c.primaryContact ? (
          <div className="gd-user-cell">
            <span>{c.primaryContact}</span>
            {c.primaryPhone && (
              <Typography.Text type="secondary" className="gd-mono">
                {c.primaryPhone}
              </Typography.Text>
            )}
          </div>
        ) : (
          t('common.none')
        ),
    },
    { title: t('customers.province'), dataIndex: 'province', width: 90, responsive: ['lg'], sorter: byText((c) => c.province), render: (v: string | null) => v ?? t('common.none') },
    { title: t('common.status'), dataIndex: 'status', width: 80, sorter: byText((c) => c.status), render: (v: CustomerListItem['status']) => <CustomerStatusTag status={v} /> },
    { title: t('customers.updatedAt'), dataIndex: 'updatedAt', width: 100, responsive: ['xl'], sorter: byText((c) => c.updatedAt), render: (v: string) => formatDate(v) },
  ];
}

import type { ColumnsType } from 'antd/es/table';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import type { RequirementListItem } from './api.ts';
import { RequirementStatusTag } from './requirement-status-tag.tsx';

const byText = (f: (r: RequirementListItem) => string | null) => (a: RequirementListItem, b: RequirementListItem) => (f(a) ?? '').localeCompare(f(b) ?? '', 'zh-CN');

/** Columns of a requirement table; `withCustomer` off inside a customer's page. */
export function useRequirementColumns(withCustomer = true): ColumnsType<RequirementListItem> {
  const { t } = useTranslation();
  return [
    {
      title: t('requirements.number'),
      key: 'number',
      width: 200,
      sorter: byText((r) => r.number),
      render: (_, r) => (
        <div className="gd-user-cell">
          <Link to={`/requirements/${r.id}`} className="gd-mono">
            {r.number}
          </Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
            {r.title}
          </Typography.Text>
          <span className="gd-only-mobile">
            <RequirementStatusTag status={r.status} /> {withCustomer ? r.customerName : null}
          </span>
        </div>
      ),
    },
    ...(withCustomer
      ? [{ title: t('requirements.customer'), key: 'customer', width: 200, ellipsis: true, responsive: ['md'] as ('md')[], sorter: byText((r) => r.customerName), render: (_: unknown, r: RequirementListItem) => <Link to={`/customers/${r.customerId}`}>{r.customerName ?? t('common.none')}</Link> }]
      : []),
    { title: t('common.status'), dataIndex: 'status', width: 90, responsive: ['md'], sorter: byText((r) => r.status), render: (v: RequirementListItem['status']) => <RequirementStatusTag status={v} /> },
    {
      title: t('requirements.version'),
      key: 'version',
      width: 96,
      responsive: ['sm'],
      render: (_, r) => (
        <span className="gd-mono">
          v{r.version}
          {r.confirmedVersion ? <Typography.Text type="secondary"> / ✓v{r.confirmedVersion}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('requirements.itemCount'), dataIndex: 'itemCount', width: 70, responsive: ['md'], align: 'right' },
    { title: t('requirements.dueDate'), dataIndex: 'dueDate', width: 100, responsive: ['md'], sorter: byText((r) => r.dueDate), render: (v: string | null) => (v ? formatDate(v) : t('common.none')) },
    { title: t('requirements.owner'), dataIndex: 'ownerName', width: 90, responsive: ['lg'], render: (v: string | null) => v ?? t('common.none') },
    { title: t('customers.updatedAt'), dataIndex: 'updatedAt', width: 140, responsive: ['xl'], sorter: byText((r) => r.updatedAt), render: (v: string) => formatDateTime(v) },
  ];
}

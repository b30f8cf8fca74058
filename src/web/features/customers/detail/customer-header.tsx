import { EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact.tsx';
import { formatMoney } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import type { Customer } from '../api.ts';
import { CustomerStatusTag, CustomerTierTag } from '../customer-tags.tsx';
import { CustomerLinkButton } from '../../shipping/customer-link-button.tsx';

/** Name, code, tier, status, owner and money terms at a glance, with the main actions. */
export function CustomerHeader({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const primary = customer.contacts.find((c) => c.isPrimary);
  return (
    <Card size="small" className="gd-doc-header">
      <div className="gd-doc-header-top">
        <div className="gd-doc-title">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-title">
            {customer.name}
          </Typography.Title>
          <Space size={6} wrap>
            <Typography.Text type="secondary" className="gd-mono">
              {customer.code}
            </Typography.Text>
            <CustomerTierTag status={customer.tier} />
            <CustomerStatusTag status={customer.status} />
            {customer.tags.map((tag) => (
              <Typography.Text key={tag} type="secondary">
                #{tag}
              </Typography.Text>
            ))}
          </Space>
        </div>
        <Space wrap>
          <CustomerLinkButton customerId={customer.id} />
          {can('requirements:write') && (
            <Link to={`/requirements/new?customerId=${customer.id}`}>
              <Button icon={<FileAddOutlined />}>{t('requirements.create')}</Button>
            </Link>
          )}
          {can('customers:write') && (
            <Link to={`/customers/${customer.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="edit-customer">
                {t('common.edit')}
              </Button>
            </Link>
          )}
        </Space>
      </div>
      <div className="gd-facts">
        <Fact label={t('customers.owner')}>{customer.ownerName ?? t('common.none')}</Fact>
        <Fact label={t('customers.primaryContact')}>{primary ? [primary.name, primary.phone ?? primary.landline].filter(Boolean).join(' · ') : t('common.none')}</Fact>
        <Fact label={t('customers.paymentTerms')}>{t('customers.daysValue', { count: customer.paymentTermsDays })}</Fact>
        {customer.creditLimit !== undefined && <Fact label={t('customers.creditLimit')}>{formatMoney(customer.creditLimit, customer.currency)}</Fact>}
        <Fact label={t('customers.province')}>{customer.province ?? t('common.none')}</Fact>
      </div>
    </Card>
  );
}

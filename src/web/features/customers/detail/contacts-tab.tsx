import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.ts';
import type { Customer } from '../api.ts';

type Contact = Customer['contacts'][number];
type Address = Customer['addresses'][number];

/** 联系人: who to call, primary first. */
export function ContactsTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const rows = [...customer.contacts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return (
    <Table<Contact>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyHint customerId={customer.id} text={t('customers.contactsEmpty')} /> }}
      columns={[
        { title: t('customers.contact.name'), key: 'name', render: (_, c) => <>{c.name} {c.isPrimary && <Tag color="blue">{t('customers.contact.primary')}</Tag>}</> },
        { title: t('customers.contact.role'), dataIndex: 'role', render: (v: string | null) => v ?? none },
        { title: t('customers.contact.phone'), dataIndex: 'phone', render: (v: string | null) => (v ? <a href={`tel:${v}`}>{v}</a> : none) },
        { title: t('customers.contact.landline'), dataIndex: 'landline', responsive: ['md'], render: (v: string | null) => v ?? none },
        { title: t('customers.contact.email'), dataIndex: 'email', responsive: ['md'], render: (v: string | null) => (v ? <a href={`mailto:${v}`}>{v}</a> : none) },
        { title: t('customers.contact.wechat'), dataIndex: 'wechat', responsive: ['lg'], render: (v: string | null) => v ?? none },
      ]}
    />
  );
}

/** 地址: where to deliver, default first. */
export function AddressesTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const rows = [...customer.addresses].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return (
    <Table<Address>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyHint customerId={customer.id} text={t('customers.addressesEmpty')} /> }}
      columns={[
        { title: t('address.label'), key: 'label', render: (_, a) => <>{a.label ?? t('common.none')} {a.isDefault && <Tag color="blue">{t('address.default')}</Tag>}</> },
        { title: t('address.full'), key: 'full', render: (_, a) => `${a.province} ${a.city} ${a.district} ${a.detail}` },
        { title: t('address.recipient'), dataIndex: 'recipient' },
        { title: t('address.phone'), dataIndex: 'phone', render: (v: string) => <a href={`tel:${v}`}>{v}</a> },
      ]}
    />
  );
}

function EmptyHint({ customerId, text }: { customerId: string; text: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {can('customers:write') && <Link to={`/customers/${customerId}/edit`}>{t('customers.addInEdit')}</Link>}
    </Empty>
  );
}

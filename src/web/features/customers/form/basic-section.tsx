import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerCreateBody, customerStatuses, customerTiers, invoiceInfo } from '../../../../contracts/customers.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useSession } from '../../auth/session.ts';
import { useOwnerOptions } from '../use-owner-options.ts';

const shape = customerCreateBody.shape;

/** Name, code, tax ID, tier, status, owner and tags. */
export function BasicSection({ current }: { current?: { id: string; name: string | null } }) {
  const { t } = useTranslation();
  const owners = useOwnerOptions(current ? [current] : []);
  const req = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  return (
    <>
      <Form.Item name="name" label={t('customers.name')} rules={[req(t('customers.name')), zodRule(shape.name)]} extra={t('customers.nameHelp')}>
        <Input maxLength={200} autoFocus data-testid="customer-name" />
      </Form.Item>
      <div className="gd-form-row">
        <Form.Item name="code" label={t('customers.code')} extra={t('customers.codeHelp')} rules={[zodRule(shape.code, 'codeChars')]}>
          <Input maxLength={32} placeholder={t('customers.codePlaceholder')} />
        </Form.Item>
        <Form.Item name="taxId" label={t('customers.taxId')} extra={t('customers.taxIdHelp')} rules={[zodRule(shape.taxId)]}>
          <Input maxLength={18} className="gd-mono" style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      </div>
      <div className="gd-form-row">
        <Form.Item name="tier" label={t('customers.tierLabel')} extra={t('customers.tierHelp')}>
          <Select options={customerTiers.map((x) => ({ value: x, label: t(`customers.tier.${x}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Select options={customerStatuses.map((x) => ({ value: x, label: t(`customers.status.${x}`) }))} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('customers.owner')} rules={[{ required: true, message: t('validation.required', { field: t('customers.owner') }) }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={owners} />
        </Form.Item>
      </div>
      <Form.Item name="tags" label={t('customers.tags')} extra={t('customers.tagsHelp')} rules={[zodRule(shape.tags)]}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
      </Form.Item>
    </>
  );
}

/** Payment terms, credit limit (unless the role may not see it) and invoice details. */
export function TermsSection({ showCredit }: { showCredit: boolean }) {
  const { t } = useTranslation();
  const inv = invoiceInfo.shape;
  return (
    <>
      <div className="gd-form-row">
        <Form.Item name="paymentTermsDays" label={t('customers.paymentTerms')} rules={[{ required: true, type: 'number', message: t('validation.required', { field: t('customers.paymentTerms') }) }, zodRule(shape.paymentTermsDays)]}>
          <InputNumber min={0} max={365} precision={0} suffix={t('customers.days')} style={{ width: '100%' }} />
        </Form.Item>
        {showCredit && (
          <Form.Item name="creditLimit" label={t('customers.creditLimit')} extra={t('customers.creditLimitHelp')}>
            <InputNumber min={0} max={1e11} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        )}
      </div>
      <div className="gd-form-row">
        <Form.Item name={['invoice', 'title']} label={t('customers.invoice.title')} rules={[zodRule(inv.title)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['invoice', 'bank']} label={t('customers.invoice.bank')} rules={[zodRule(inv.bank)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['invoice', 'account']} label={t('customers.invoice.account')} rules={[zodRule(inv.account)]}>
          <Input maxLength={64} className="gd-mono" />
        </Form.Item>
        <Form.Item name={['invoice', 'phone']} label={t('customers.invoice.phone')} rules={[zodRule(inv.phone)]}>
          <Input maxLength={64} />
        </Form.Item>
      </div>
      <Form.Item name={['invoice', 'address']} label={t('customers.invoice.address')} rules={[zodRule(inv.address)]}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useCustomer, useCustomerSearch } from './api.ts';

/** Pick a customer by name, code, tax ID or contact — searched on the server as you type. */
export function CustomerSelect(props: { value?: string; onChange?: (id: string) => void; id?: string; disabled?: boolean; allowClear?: boolean; placeholder?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const found = useCustomerSearch(debounced);
  const selected = useCustomer(props.value);
  const options = (found.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` }));
  if (selected.data && !options.some((o) => o.value === selected.data.id)) options.unshift({ value: selected.data.id, label: `${selected.data.name}（${selected.data.code}）` });
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={(v?: string) => props.onChange?.(v ?? '')}
      allowClear={props.allowClear}
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      loading={found.isFetching}
      placeholder={props.placeholder ?? t('requirements.form.customerPlaceholder')}
      style={{ width: '100%' }}
      notFoundContent={found.isFetching ? undefined : t('requirements.form.noCustomer')}
      data-testid="customer-select"
    />
  );
}

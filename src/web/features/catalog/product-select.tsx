import { Select, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useProduct, useProductSearch, type Product } from './api.ts';

/** Pick an active product by SKU or name, searched on the server as you type; hands back the product too. */
export function ProductSelect(props: {
  value?: string;
  onChange?: (id: string, product?: Product) => void;
  id?: string;
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  status?: 'error' | 'warning';
  onKeyDown?: (e: KeyboardEvent) => void;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const found = useProductSearch(debounced);
  const selected = useProduct(props.value);
  const products = new Map((found.data ?? []).map((p) => [p.id, p]));
  if (selected.data && !products.has(selected.data.id)) products.set(selected.data.id, selected.data);
  const options = [...products.values()].map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}`, product: p }));

  return (
    <Select
      id={props.id}
      value={props.value || undefined}
      onChange={(v?: string) => props.onChange?.(v ?? '', v ? products.get(v) : undefined)}
      allowClear={props.allowClear}
      disabled={props.disabled}
      status={props.status}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      optionRender={(o) => {
        const p = (o.data as { product: Product }).product;
        return (
          <div className="gd-user-cell">
            <span>
              <span className="gd-mono">{p.sku}</span> {p.name}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[p.spec, p.category, `${formatMoney(p.listPrice)} / ${p.unit}`].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        );
      }}
      loading={found.isFetching}
      placeholder={props.placeholder ?? t('catalog.productPlaceholder')}
      notFoundContent={found.isFetching ? undefined : t('catalog.noProduct')}
      onInputKeyDown={props.onKeyDown}
      aria-label={props['aria-label']}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid="product-select"
    />
  );
}

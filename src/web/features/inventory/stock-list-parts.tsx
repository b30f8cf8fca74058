import { Typography, type TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectFilter } from '../../components/list-page/filtered-list.tsx';
import { formatQty } from '../../lib/format.ts';
import { useWarehouses } from './api.ts';

/** The 产品 column of a stock list: the name over its SKU. */
export function productColumn<T extends { productName: string; sku: string }>(title: string): TableColumnType<T> {
  return {
    title,
    key: 'product',
    render: (_, r) => (
      <div className="gd-user-cell">
        <span>{r.productName}</span>
        <Typography.Text type="secondary" className="gd-mono">
          {r.sku}
        </Typography.Text>
      </div>
    ),
  };
}

/**
 * A movement's 原因 as the reader should see it: the system's own reasons (stock count, opening
 * import — stored in one language) in the reader's language, the rest as the user typed it.
 */
export function movementReason(m: { reason: string | null; refType: string | null }, t: TFunction): string {
  if (m.refType === 'opening_import') return t('inventory.openingImportReason');
  if (m.reason === 'stock_count') return t('inventory.stockCountReason');
  return m.reason ?? t('common.none');
}

/** A quantity that moves stock: red when it takes away, green with a + when it adds. */
export function SignedQty({ qty, unit }: { qty: number; unit?: string }) {
  return <Typography.Text type={qty < 0 ? 'danger' : 'success'} className="gd-num">{`${qty > 0 ? '+' : ''}${formatQty(qty, unit)}`}</Typography.Text>;
}

/** The 全部仓库 filter of a stock list: every warehouse as `code · name`. */
export function WarehouseFilter({ value, onChange, width }: { value: string; onChange: (warehouseId: string) => void; width: number }) {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  return <SelectFilter value={value} onChange={onChange} placeholder={t('inventory.allWarehouses')} options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} width={width} />;
}

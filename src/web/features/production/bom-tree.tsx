import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bom } from '../../../contracts/production.ts';
import { api } from '../../lib/api.ts';
import { productionKeys } from './api.ts';

export const useBom = (productId: string) => useQuery({ queryKey: [...productionKeys.all, 'bom', productId], queryFn: () => api.get<Bom>(`/api/v1/products/${productId}/bom`), enabled: !!productId });

/** A BOM level as a table; a made component with its own BOM expands into its lines (fetched when opened). */
export function BomTree({ productId, depth = 0 }: { productId: string; depth?: number }) {
  const { t } = useTranslation();
  const bom = useBom(productId);
  return (
    <Table
      size="small"
      rowKey="componentId"
      loading={bom.isLoading}
      pagination={false}
      showHeader={depth === 0}
      dataSource={bom.data?.lines ?? []}
      locale={{ emptyText: t('production.panel.noBom') }}
      expandable={{ rowExpandable: (l) => l.makeOrBuy === 'make' && depth < 8, expandedRowRender: (l) => <BomTree productId={l.componentId} depth={depth + 1} /> }}
      columns={[
        { title: t('production.workOrders.product'), render: (_, l) => `${l.sku} · ${l.name}` },
        { title: t('production.panel.qtyPer'), width: 140, align: 'right', render: (_, l) => `${l.qtyPer} ${l.unit}` },
        { title: t('production.panel.scrapPct'), width: 110, align: 'right', render: (_, l) => `${l.scrapPct}%` },
        { title: '', width: 90, render: (_, l) => l.makeOrBuy === 'make' && <Tag color="blue">{t('production.bom.made')}</Tag> },
      ]}
      data-testid={depth === 0 ? 'bom-tree' : undefined}
    />
  );
}

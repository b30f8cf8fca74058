import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Bom, Routing } from '../../../contracts/production.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { api } from '../../lib/api.ts';
import { productionKeys } from './api.ts';

/** On a made product's page: its BOM in force and its routing, with the way to edit the routing. */
export function ProductProductionPanel({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const bom = useQuery({ queryKey: [...productionKeys.all, 'bom', productId], queryFn: () => api.get<Bom>(`/api/v1/products/${productId}/bom`) });
  const routing = useQuery({ queryKey: [...productionKeys.all, 'routing', productId], queryFn: () => api.get<Routing>(`/api/v1/products/${productId}/routing`) });
  return (
    <Card size="small" title={t('production.panel.title')} extra={<Link to={`/production/routings?productId=${productId}`}>{t('production.panel.editRouting')}</Link>} data-testid="product-production">
      {bom.error ? <ErrorAlert error={bom.error} /> : null}
      <Typography.Text strong>{t('production.panel.bom', { version: bom.data?.version ?? 0 })}</Typography.Text>
      <Table
        size="small"
        rowKey="componentId"
        loading={bom.isPending}
        dataSource={bom.data?.lines ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.panel.noBom')} /> }}
        columns={[
          { title: t('production.workOrders.product'), dataIndex: 'sku', render: (v: string, l) => `${v} · ${l.name}` },
          { title: t('production.panel.qtyPer'), dataIndex: 'qtyPer', align: 'right', render: (v: number, l) => `${v} ${l.unit}` },
          { title: t('production.panel.scrapPct'), dataIndex: 'scrapPct', align: 'right', render: (v: number) => `${v}%` },
        ]}
        style={{ margin: '8px 0 16px' }}
      />
      <Typography.Text strong>{t('production.routing.title')}</Typography.Text>
      {routing.error ? <ErrorAlert error={routing.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={routing.isPending}
        dataSource={routing.data?.operations ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.routing.none')} /> }}
        columns={[
          { title: t('production.operation'), dataIndex: 'name', render: (v: string, o) => `${o.seq} · ${v}` },
          { title: t('production.workCenter'), dataIndex: 'workCenterCode', render: (v: string) => <span className="gd-mono">{v}</span> },
          { title: t('production.routing.setup'), dataIndex: 'setupMinutes', align: 'right' },
          { title: t('production.routing.run'), dataIndex: 'runMinutesPerUnit', align: 'right' },
        ]}
        style={{ marginTop: 8 }}
      />
    </Card>
  );
}

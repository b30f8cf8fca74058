import { Drawer, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatQty } from '../../lib/format.ts';
import { usePickList, type PickList } from './api.ts';

type Line = PickList['lines'][number];

/** 拣货单: what to take from which warehouse, with what is on hand there and what is already packed. */
export function PickListDrawer({ shipmentId, number, onClose }: { shipmentId: string; number: string; onClose: () => void }) {
  const { t } = useTranslation();
  const q = usePickList(shipmentId, true);
  return (
    <Drawer open title={t('shipping.pick.title', { number })} size="large" onClose={onClose}>
      {q.isPending && <Spin />}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data && (
        <Table<Line>
          size="small"
          rowKey="orderLineId"
          pagination={false}
          dataSource={q.data.lines}
          scroll={{ x: 'max-content' }}
          data-testid="pick-list"
          columns={[
            { title: t('shipping.pick.warehouse'), key: 'wh', render: (_, l) => l.warehouseName ?? l.warehouseCode ?? t('common.none') },
            { title: t('shipping.product'), key: 'p', render: (_, l) => <div className="gd-user-cell"><span>{l.name}</span><span className="gd-mono">{l.sku}</span>{Object.keys(l.spec).length > 0 && <span>{Object.entries(l.spec).map(([k, v]) => `${k}：${String(v)}`).join(t('common.listSep'))}</span>}</div> },
            { title: t('shipping.pick.pick'), key: 'q', align: 'right', render: (_, l) => <strong className="gd-num">{formatQty(l.qty, l.unit)}</strong> },
            { title: t('shipping.pick.onHand'), key: 'h', align: 'right', render: (_, l) => <span className="gd-num">{formatQty(l.onHand, l.unit)}{l.onHand < l.qty && <Tag color="error" style={{ marginInlineStart: 6 }}>{t('shipping.pick.short')}</Tag>}</span> },
            { title: t('shipping.pick.packed'), key: 'k', align: 'right', render: (_, l) => <span className="gd-num">{formatQty(l.packedQty, l.unit)}</span> },
          ]}
        />
      )}
    </Drawer>
  );
}

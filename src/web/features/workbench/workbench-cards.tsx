import { Checkbox, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkbenchItem } from './api.ts';
import { useStageOwnerLabel } from './stage-owner.tsx';
import { itemKey as key, nudgeable, riskColor } from './risk.ts';

/** The workbench on a phone (375 px): one card per order, the same facts and actions top to bottom. */
export function WorkbenchCards(props: {
  items: WorkbenchItem[];
  loading: boolean;
  selected: string[];
  onSelect: (keys: string[]) => void;
  when: (i: WorkbenchItem) => ReactNode;
  nextAction: (i: WorkbenchItem) => string;
  action: (i: WorkbenchItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const { items, selected, onSelect } = props;
  const ownerLabel = useStageOwnerLabel();
  const toggle = (k: string, on: boolean) => onSelect(on ? [...selected, k] : selected.filter((x) => x !== k));
  if (props.loading) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (items.length === 0) return <Empty description={t('workbench.empty')} />;
  return (
    <div className="gd-workbench-cards">
      {items.map((i) => (
        <div key={key(i)} className="gd-workbench-card" data-testid="workbench-card">
          <div className="gd-workbench-card-head">
            <Checkbox checked={selected.includes(key(i))} disabled={!nudgeable(i)} onChange={(e) => toggle(key(i), e.target.checked)} aria-label={i.number ?? i.orderId} />
            <Link to={`/orders/${i.orderId}`}>
              <Typography.Text strong>{i.number ?? t('common.none')}</Typography.Text>
            </Link>
            <Typography.Text type="secondary" ellipsis>
              {i.customerName}
            </Typography.Text>
          </div>
          <Space size={4} wrap>
            {i.reasons.map((r) => (
              <Tag key={r} color={riskColor[r]}>
                {t(`workbench.reason.${r}`)}
              </Tag>
              ))}
            </Space>
            <div>
              {i.stage ? t(`orders.stage.${i.stage.stage}`) : t('workbench.noStage')} · {i.stage ? ownerLabel(i.stage) : t('workbench.noOwner')} · {props.when(i)}
            </div>
            <div>
              {t('workbench.nextAction')}
              {t('common.colon')}
              {props.nextAction(i)}
            </div>
            {props.action(i)}
          </div>
      ))}
    </div>
  );
}

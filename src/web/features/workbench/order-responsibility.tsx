import { App, Button, Card, Checkbox, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../contracts/stages.ts';
import { ReasonModal } from '../../components/reason-modal.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDelayReasons, useOrderChecklists, useTick, type OrderChecklists } from './api.ts';
import { DelayReasonModal, type LateStage } from './delay-reason-modal.tsx';
import { durationText } from './duration.ts';
import { useStageOwnerLabel } from './stage-owner.tsx';

type Item = OrderChecklists[number]['items'][number];

/**
 * On the order page, under the stage flow: each late stage with its reason (given or not,
 * with the way to give it) and the checklists of the key nodes — ticked by whom and when,
 * unticked only with a reason. Renders nothing when there is neither.
 */
export function OrderResponsibility({ orderId, stages }: { orderId: string; stages: Stage[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const en = currentLanguage() === 'en-US';
  const reasons = useDelayReasons();
  const checklists = useOrderChecklists(orderId);
  const tick = useTick(orderId);
  const ownerLabel = useStageOwnerLabel();
  const [explaining, setExplaining] = useState<LateStage | null>(null);
  const [unticking, setUnticking] = useState<{ stage: Stage['stage']; item: Item } | null>(null);
  const late = stages.filter((s) => s.delayMinutes > 0 && s.state !== 'skipped');
  const lists = (checklists.data ?? []).filter((c) => c.items.length > 0);
  if (late.length === 0 && lists.length === 0) return null;
  const reasonLabel = (code: string | null) => {
    const r = reasons.data?.find((x) => x.code === code);
    return r ? (en ? r.labelEn : r.labelZh) : (code ?? t('workbench.order_.noReason'));
  };
  const doTick = async (stage: Stage['stage'], item: Item) => {
    try {
      await tick.mutateAsync({ stage, itemId: item.id, ticked: true });
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  return (
    <Card size="small" data-testid="order-responsibility">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {late.length > 0 && (
          <div>
            <Typography.Text strong>{t('workbench.order_.lateTitle')}</Typography.Text>
            {late.map((s) => (
              <div key={s.stage} className="gd-resp-row">
                <Space wrap size={4}>
                  <span>{t(`orders.stage.${s.stage}`)}</span>
                  <Typography.Text type="danger">{t('workbench.lateBy', { text: durationText(t, 'workbench', s.delayMinutes) })}</Typography.Text>
                  <span>· {ownerLabel(s)}</span>
                  {s.delayReason ? <Tag color="orange">{reasonLabel(s.delayReason)}</Tag> : <Tag>{t('workbench.order_.noReason')}</Tag>}
                </Space>
                <Button size="small" type="link" onClick={() => setExplaining({ orderId, stage: { stage: s.stage, delayMinutes: s.delayMinutes, delayReason: s.delayReason } })}>
                  {s.delayReason ? t('workbench.order_.change') : t('workbench.explain')}
                </Button>
              </div>
            ))}
          </div>
        )}
        {lists.map((c) => (
          <div key={c.stage}>
            <Space size={6}>
              <Typography.Text strong>{t('workbench.order_.checklist', { stage: t(`orders.stage.${c.stage}`) })}</Typography.Text>
              {c.complete ? <Tag color="green">{t('workbench.order_.complete')}</Tag> : c.state === 'done' || c.state === 'skipped' ? <Tag>{t('workbench.order_.closed')}</Tag> : <Tag color="gold">{t('workbench.order_.incomplete')}</Tag>}
            </Space>
            {c.items.map((i) => {
              const closed = c.state === 'done' || c.state === 'skipped';
              return (
                <div key={i.id} className="gd-resp-row">
                  <Space wrap size={6}>
                    <Checkbox checked={!!i.tickedAt} disabled={closed || tick.isPending} onChange={(e) => (e.target.checked ? doTick(c.stage, i) : setUnticking({ stage: c.stage, item: i }))} data-testid="checklist-item">
                      {en ? i.labelEn : i.labelZh}
                    </Checkbox>
                    {i.required && !i.tickedAt && <Tag color="red">{t('workbench.order_.required')}</Tag>}
                    {i.tickedAt && <Typography.Text type="secondary">{t('workbench.order_.tickedBy', { name: i.tickedByName ?? '', when: formatDateTime(i.tickedAt) })}</Typography.Text>}
                  </Space>
                </div>
              );
            })}
          </div>
        ))}
      </Space>
      <DelayReasonModal item={explaining} onClose={() => setExplaining(null)} />
      {unticking && (
        <ReasonModal
          title={t('workbench.order_.untickTitle', { item: en ? unticking.item.labelEn : unticking.item.labelZh })}
          label={t('workbench.order_.untickReason')}
          okText={t('common.confirm')}
          required
          onSubmit={(reason) => tick.mutateAsync({ stage: unticking.stage, itemId: unticking.item.id, ticked: false, reason })}
          onClose={() => setUnticking(null)}
        />
      )}
    </Card>
  );
}

import { Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useOrderTimeline, type Order } from '../api.ts';
import { TimelineBody, timelineTones } from './timeline-entry.tsx';

/** 时间线: every event on the order — who, when, in which stage, and what exactly — oldest first. */
export function TimelineTab({ order }: { order: Order }) {
  const { t } = useTranslation();
  const timeline = useOrderTimeline(order.id);
  if (timeline.isPending) return <Spin />;
  if (timeline.error) return <ErrorAlert error={timeline.error} />;
  if (timeline.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.timeline.none')} />;
  return (
    <Timeline
      data-testid="order-timeline"
      items={timeline.data.map((e) => ({
        key: e.id,
        color: timelineTones[e.type] ?? 'gray',
        content: (
          <>
            <Space size={6} wrap className="gd-tl-head">
              <Typography.Text strong>{e.actorName ?? t('orders.timeline.system')}</Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · {formatRelative(e.at, currentLanguage())}
              </Typography.Text>
              {e.stage && <Tag variant="filled">{t(`orders.stage.${e.stage as 'review'}`, { defaultValue: e.stage })}</Tag>}
            </Space>
            <TimelineBody entry={e} order={order} />
          </>
        ),
      }))}
    />
  );
}

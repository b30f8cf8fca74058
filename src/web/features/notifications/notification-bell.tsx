import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatRelative } from '../../lib/format.ts';
import { openNotificationLink } from './open-link.ts';
import { useMarkRead, useRecentNotifications, type Notification } from './api.ts';
import type { LiveState } from './use-live-events.ts';
import './notifications.css';

/** Header bell: unread badge, the latest notifications, mark one or all as read. */
export function NotificationBell({ live }: { live: LiveState }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data, isPending, error } = useRecentNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = data?.unreadCount ?? 0;

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    if (!n.link) return;
    setOpen(false);
    openNotificationLink(n.link, navigate);
  };

  const content = (
    <div className="gd-notif">
      <div className="gd-notif-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <div className="gd-notif-list">
        {isPending && <Spin style={{ display: 'block', margin: 24 }} />}
        {error && <ErrorAlert error={error} style={{ margin: 12 }} />}
        {data && data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />}
        {data?.items.map((n) => (
          <div key={n.id} className={`gd-notif-item${n.readAt ? '' : ' unread'}`} role="button" tabIndex={0} onClick={() => openItem(n)} onKeyDown={(e) => e.key === 'Enter' && openItem(n)}>
            <div className="gd-notif-text">
              <Typography.Text strong={!n.readAt} ellipsis>
                {n.title}
              </Typography.Text>
              {n.body && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
                  {n.body}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatRelative(n.createdAt, currentLanguage())}
              </Typography.Text>
            </div>
            {!n.readAt && (
              <Tooltip title={t('notifications.markRead')}>
                <Button
                  type="text"
                  size="small"
                  icon={<CheckOutlined />}
                  aria-label={t('notifications.markRead')}
                  onClick={(e) => {
                    e.stopPropagation();
                    markRead.mutate([n.id]);
                  }}
                />
              </Tooltip>
            )}
          </div>
        ))}
      </div>
      <div className="gd-notif-foot">
        <Badge status={live === 'live' ? 'success' : 'warning'} text={t(live === 'live' ? 'notifications.live' : 'notifications.offline')} />
      </div>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} styles={{ container: { padding: 0 } }} arrow={false}>
      <Button type="text" aria-label={t('notifications.title')} className="gd-header-btn" data-testid="notification-bell" data-live={live}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

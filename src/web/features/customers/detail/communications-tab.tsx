import { BellOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import { useCommunications } from '../api.ts';
import { CommunicationForm } from './communication-form.tsx';

/** 沟通记录: newest first, with follow-up dates; "记录沟通" opens the form above the list. */
export function CommunicationsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useCommunications(customerId);
  const [adding, setAdding] = useState(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const now = Date.now();

  return (
    <>
      {can('customers:write') &&
        (adding ? (
          <Card size="small" title={t('customers.comm.add')} style={{ marginBottom: 16 }}>
            <CommunicationForm customerId={customerId} onDone={() => setAdding(false)} />
          </Card>
        ) : (
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 16 }} data-testid="add-communication">
            {t('customers.comm.add')}
          </Button>
        ))}
      {list.error && <ErrorAlert error={list.error} />}
      {!list.isPending && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.comm.empty')} />}
      <Timeline
        items={rows.map((c) => ({
          key: c.id,
          color: c.followUpAt && Date.parse(c.followUpAt) > now ? 'blue' : 'gray',
          content: (
            <div className="gd-comm">
              <Space size={6} wrap className="gd-tl-head">
                <Tag style={{ marginInlineEnd: 0 }}>{t(`customers.comm.channels.${c.channel}`)}</Tag>
                <Typography.Text type="secondary">{formatDateTime(c.occurredAt)}</Typography.Text>
                <Typography.Text type="secondary">{c.createdByName ?? ''}</Typography.Text>
              </Space>
              <div className="gd-prewrap">{c.summary}</div>
              {c.participants.length > 0 && <Typography.Text type="secondary">{t('customers.comm.with', { names: c.participants.join('、') })}</Typography.Text>}
              {c.followUpAt && (
                <div>
                  <Tag icon={<BellOutlined />} color={Date.parse(c.followUpAt) > now ? 'blue' : 'default'}>
                    {t('customers.comm.followUp', { when: `${formatDateTime(c.followUpAt)}（${formatRelative(c.followUpAt, currentLanguage())}）` })}
                  </Tag>
                </div>
              )}
              {c.requirementId && <Link to={`/requirements/${c.requirementId}`}>{t('customers.comm.openRequirement')}</Link>}
            </div>
          ),
        }))}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}

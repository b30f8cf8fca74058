import { Alert, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useCustomerHistory, type HistoryEntry } from '../api.ts';
import { ChangeList } from '../changes/change-list.tsx';

type Tone = 'blue' | 'green' | 'red' | 'gray' | 'orange';
const tones: Record<string, Tone> = {
  'customer.created': 'green',
  'customer.updated': 'blue',
  'customer.change_requested': 'orange',
  'customer.change_approved': 'green',
  'customer.change_rejected': 'red',
  'requirement.customer_confirmed': 'green',
  'requirement.customer_requested_changes': 'orange',
};
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** 变更历史: every event on the customer with who, when, what and old → new. */
export function HistoryTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const history = useCustomerHistory(customerId);
  if (history.isPending) return <Spin />;
  if (history.error) return <ErrorAlert error={history.error} />;
  if (history.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.history.none')} />;

  return (
    <Timeline
      data-testid="customer-history"
      items={history.data.map((e) => ({
        key: e.id,
        color: tones[e.type] ?? 'gray',
        content: (
          <>
            <Space size={6} wrap className="gd-tl-head">
              <Typography.Text strong>{e.actorName ?? (e.type.startsWith('requirement.customer_') ? t('customers.history.customer') : t('customers.history.system'))}</Typography.Text>
              <Typography.Text type="secondary" title={formatDateTime(e.at)}>
                {formatDateTime(e.at)} · {formatRelative(e.at, currentLanguage())}
              </Typography.Text>
            </Space>
            <EntryBody entry={e} />
          </>
        ),
      }))}
    />
  );
}

function EntryBody({ entry: e }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const d = e.data;
  const note = (label: string, text: string | null): ReactNode => (text ? <div className="gd-history-note">{t(label as 'customers.history.reason', { text })}</div> : null);
  const reqLink = str(d.requirementId) ? <Link to={`/requirements/${String(d.requirementId)}`}>{String(d.number ?? '')}</Link> : <>{String(d.number ?? '')}</>;

  switch (e.type) {
    case 'customer.created': {
      const dups = Array.isArray(d.possibleDuplicates) ? d.possibleDuplicates.length : 0;
      return (
        <div data-testid="history-created">
          <div>{d.source === 'import' ? t('customers.history.importedRow', { row: d.row }) : t('customers.history.created', { code: d.code ?? '' })}</div>
          {dups > 0 && <Alert type="warning" showIcon style={{ marginTop: 4 }} title={t('customers.history.createdDespiteDup', { count: dups })} description={str(d.duplicateReason) ? t('customers.history.reason', { text: d.duplicateReason }) : undefined} />}
        </div>
      );
    }
    case 'customer.updated':
      return (
        <div>
          <div>
            {t('customers.history.updated', { version: d.version ?? '' })} {str(d.changeRequestId) && <Tag color="green">{t('customers.history.viaApproval')}</Tag>}
          </div>
          {note('customers.history.reason', str(d.reason))}
          <ChangeList changes={e.changes} />
        </div>
      );
    case 'customer.change_requested':
    case 'customer.change_approved':
    case 'customer.change_rejected': {
      const key = e.type === 'customer.change_requested' ? 'changeRequested' : e.type === 'customer.change_approved' ? 'changeApproved' : 'changeRejected';
      return (
        <div>
          <div>{t(`customers.history.${key}`)}</div>
          {note('customers.history.reason', str(d.reason))}
          {note('customers.history.comment', str(d.comment))}
          <ChangeList changes={e.changes} />
        </div>
      );
    }
    case 'communication.logged':
      return (
        <div>
          <div>{t('customers.history.communication', { channel: t(`customers.comm.channels.${String(d.channel ?? 'other')}` as 'customers.comm.channels.other') })}</div>
          {str(d.summary) && <div className="gd-history-note gd-prewrap">{String(d.summary)}</div>}
          {str(d.followUpAt) && <Typography.Text type="secondary">{t('customers.comm.followUp', { when: formatDateTime(String(d.followUpAt)) })}</Typography.Text>}
        </div>
      );
    case 'requirement.created':
      return (
        <div>
          {t('customers.history.requirementCreated')} {reqLink} {str(d.title)}
        </div>
      );
    case 'requirement.customer_confirmed':
    case 'requirement.customer_requested_changes': {
      const confirmed = e.type === 'requirement.customer_confirmed';
      return (
        <div data-testid={confirmed ? 'history-confirmed' : 'history-changes-requested'}>
          <div>
            {t(confirmed ? 'customers.history.customerConfirmed' : 'customers.history.customerRequestedChanges')} {reqLink} <Tag style={{ marginInlineEnd: 0 }}>v{String(d.version ?? '')}</Tag>
          </div>
          {d.outdated === true && <Alert type="warning" showIcon style={{ marginTop: 4 }} title={t('requirements.confirmation.outdatedShort', { version: d.version })} />}
          {note('customers.history.customerComment', str(d.comment))}
        </div>
      );
    }
    default:
      return <div>{t('customers.history.other', { type: e.type })}</div>;
  }
}

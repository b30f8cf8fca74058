import { Alert, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import type { Requirement } from '../api.ts';

/**
 * The customer's last answer through the link: who, when, from where (IP, browser), which
 * version. An answer about an older version says so loudly — the customer never saw the current one.
 */
export function ConfirmationCard({ requirement: r }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const c = r.lastConfirmation;
  if (!c) {
    if (r.status !== 'sent') return null;
    return <Alert type="info" showIcon title={t('requirements.confirmation.waiting')} />;
  }
  const outdated = c.version !== r.version;
  const confirmed = c.action === 'confirm';
  return (
    <Card size="small" title={t('requirements.confirmation.title')} data-testid="confirmation-card">
      {outdated && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('requirements.confirmation.outdated', { version: c.version, current: r.version })} data-testid="confirmation-outdated" />}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'action', label: t('requirements.confirmation.action'), children: <Tag color={confirmed ? 'success' : 'warning'}>{t(confirmed ? 'requirements.confirmation.confirmed' : 'requirements.confirmation.changesRequested')}</Tag> },
          { key: 'version', label: t('requirements.confirmation.version'), children: `v${c.version}` },
          { key: 'who', label: t('requirements.confirmation.contact'), children: c.contactName || t('common.none') },
          { key: 'at', label: t('requirements.confirmation.at'), children: formatDateTime(c.at) },
          { key: 'comment', label: t('requirements.confirmation.comment'), children: <span className="gd-prewrap">{c.comment || t('common.none')}</span>, span: 2 },
          { key: 'ip', label: 'IP', children: <span className="gd-mono">{c.ip ?? t('common.none')}</span> },
          { key: 'ua', label: t('requirements.confirmation.userAgent'), children: <span className="gd-ua">{c.userAgent ?? t('common.none')}</span> },
        ]}
      />
    </Card>
  );
}

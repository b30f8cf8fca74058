import { LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, QRCode, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useRevokeLink, type LinkCreated } from '../api.ts';

/** The customer confirmation link: copy it into WeChat, or let the customer scan it; revoke when sent wrongly. */
export function LinkCard({ link, onRevoked }: { link: LinkCreated; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const revoke = useRevokeLink();
  const confirmRevoke = () =>
    modal.confirm({
      title: t('requirements.link.revokeTitle'),
      content: t('requirements.link.revokeHint'),
      okText: t('requirements.link.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke.mutateAsync(link.id).then(
          () => {
            void message.success(t('requirements.link.revoked'));
            onRevoked();
          },
          (err: Error) => void message.error(err.message),
        ),
    });

  return (
    <Card size="small" title={<Space><LinkOutlined />{t('requirements.link.title')}</Space>} data-testid="link-card">
      <div className="gd-link-box">
        <QRCode value={link.url} size={112} bordered={false} />
        <div className="gd-link-text">
          <Typography.Paragraph className="gd-mono gd-link-url" copyable={{ text: link.url, tooltips: [t('common.copy'), t('common.copied')], onCopy: () => void message.success(t('requirements.link.copied')) }} data-testid="link-url">
            {link.url}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('requirements.link.expires', { at: formatDateTime(link.expiresAt), rel: formatRelative(link.expiresAt, currentLanguage()) })}</Typography.Text>
          <Typography.Text type="secondary">{t('requirements.link.hint')}</Typography.Text>
          <div>
            <Button danger size="small" onClick={confirmRevoke} loading={revoke.isPending} data-testid="revoke-link">
              {t('requirements.link.revoke')}
            </Button>
          </div>
        </div>
      </div>
    </Card>
  );
}

import { Alert, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../api.ts';

/**
 * Possible duplicates of the customer being entered. When creating, going ahead anyway
 * needs a reason (kept in the customer's history, so a later 撞单 dispute has the record).
 */
export function DuplicatePanel({ matches, askReason }: { matches: DuplicateMatch[]; askReason: boolean }) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="gd-dup-panel"
      data-testid="duplicate-panel"
      title={t('customers.dup.title', { count: matches.length })}
      description={
        <>
          <ul className="gd-dup-list">
            {matches.map((m) => (
              <li key={m.id}>
                <Space size={[6, 2]} wrap>
                  {m.canOpen ? (
                    <Link to={`/customers/${m.id}`} target="_blank">
                      {m.name}
                    </Link>
                  ) : (
                    <Typography.Text>{m.name}</Typography.Text>
                  )}
                  <Typography.Text type="secondary" className="gd-mono">
                    {m.code}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('customers.dup.owner', { name: m.ownerName ?? t('common.none') })}</Typography.Text>
                  {m.reasons.map((r) => (
                    <Tag key={r} color="orange" style={{ marginInlineEnd: 0 }}>
                      {t(`customers.dup.reason.${r}`)}
                    </Tag>
                  ))}
                  {!m.canOpen && <Typography.Text type="secondary">{t('customers.dup.outOfScope')}</Typography.Text>}
                </Space>
              </li>
            ))}
          </ul>
          {askReason && (
            <Form.Item
              name="duplicateReason"
              label={t('customers.dup.reasonLabel')}
              extra={t('customers.dup.reasonHelp')}
              rules={[{ required: true, whitespace: true, message: t('customers.dup.reasonRequired') }, { max: 500 }]}
              style={{ marginBottom: 0, marginTop: 8 }}
            >
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          )}
        </>
      }
    />
  );
}

import { Alert, Card, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { noticeKeyList, type NoticeKey } from '../../../../contracts/shipping.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useNoticeTemplates, type NoticeTemplates } from './api.ts';
import { TemplateCard } from './template-card.tsx';
import './notice-templates.css';

/** 设置 → 客户通知模板: per notice (dispatched, delayed) the texts per channel × language, with the placeholders each may use. */
export function NoticeTemplatesPage() {
  const { t } = useTranslation();
  const list = useNoticeTemplates();
  return (
    <>
      <PageHeader title={t('shipping.noticeTemplates.title')} subtitle={t('shipping.noticeTemplates.subtitle')} />
      {list.isPending ? (
        <Spin />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Tabs
          items={noticeKeyList.map((k) => {
            const item = list.data.find((i) => i.key === k);
            return { key: k, label: t(`shipping.noticeTemplates.key.${k}`), children: item ? <KeyTemplates item={item} /> : null };
          })}
          data-testid="notice-template-tabs"
        />
      )}
    </>
  );
}

function KeyTemplates({ item }: { item: NoticeTemplates }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" className="gd-notice-help" data-testid="notice-placeholders">
        <Typography.Text type="secondary">{t('shipping.noticeTemplates.placeholderHelp')}</Typography.Text>
        <div className="gd-notice-placeholders">
          {item.placeholders.map((p) => (
            <span key={p} className="gd-notice-placeholder">
              <Tag className="gd-mono">{`{${p}}`}</Tag>
              <Typography.Text type="secondary">{t(`shipping.noticeTemplates.placeholder.${p as 'orderNumber'}`, { defaultValue: p })}</Typography.Text>
            </span>
          ))}
        </div>
      </Card>
      {item.key === 'shipment.delayed' && <Alert type="info" showIcon className="gd-notice-note" title={t('shipping.noticeTemplates.delayedHint')} />}
      <div className="gd-notice-grid">
        {item.templates.map((tpl) => (
          <TemplateCard key={`${tpl.channel}:${tpl.locale}`} noticeKey={item.key as NoticeKey} template={tpl} placeholders={item.placeholders} />
        ))}
      </div>
    </>
  );
}

import { Card, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../../app/nav.tsx';
import { modules } from '../../app/nav.tsx';
import { PageHeader } from '../../components/page-header.tsx';

/** Honest placeholder for a module that is not built yet: what it will do, and that it is coming. */
export function ComingSoonPage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const entry = modules.find((m) => m.key === module)!;
  const name = t(`nav.${module}`);
  return (
    <>
      <PageHeader title={name} />
      <Card>
        <Result
          icon={<span className="gd-coming-icon">{entry.icon}</span>}
          title={
            <span>
              {t('comingSoon.title', { module: name })} <Tag color="blue">{t('comingSoon.badge')}</Tag>
            </span>
          }
          subTitle={
            <div className="gd-coming-text">
              <Typography.Paragraph style={{ fontSize: 15 }}>{t(`comingSoon.modules.${module}`)}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('comingSoon.later')}</Typography.Paragraph>
            </div>
          }
        />
      </Card>
    </>
  );
}

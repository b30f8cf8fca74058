import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { ChecklistsCard } from './checklists-card.tsx';
import { DelayReasonsCard } from './delay-reasons-card.tsx';

/** 设置 → 延误原因与检查清单: the reasons owners pick for a late stage, and the checklists gating key nodes. */
export function ResponsibilityAdminPage() {
  const { t } = useTranslation();
  return (
    <div className="gd-page">
      <PageHeader title={t('responsibilityAdmin.title')} subtitle={t('responsibilityAdmin.subtitle')} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <DelayReasonsCard />
        <ChecklistsCard />
      </Space>
    </div>
  );
}

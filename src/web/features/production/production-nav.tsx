import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = [
  { path: '/production', key: 'workOrders' },
  { path: '/production/work-centers', key: 'workCenters' },
] as const;

/** 生产 has two pages: work orders and work centers (the board is its own full-screen page). */
export function ProductionNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/production/work-centers') ? '/production/work-centers' : '/production';
  return <Segmented value={current} onChange={(v) => void navigate(v)} options={SECTIONS.map((s) => ({ value: s.path, label: t(`production.section.${s.key}`) }))} style={{ marginBottom: 12 }} data-testid="production-nav" />;
}

import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = [
  { path: '/production', key: 'workOrders' },
  { path: '/production/schedule', key: 'schedule' },
  { path: '/production/work-centers', key: 'workCenters' },
  { path: '/production/routings', key: 'routings' },
  { path: '/production/boms', key: 'boms' },
] as const;

/** 生产's pages: work orders, the Gantt, work centers, routings and BOMs (the board is its own full-screen page). */
export function ProductionNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = SECTIONS.find((s) => s.path !== '/production' && pathname.startsWith(s.path))?.path ?? '/production';
  return <Segmented value={current} onChange={(v) => void navigate(v)} options={SECTIONS.map((s) => ({ value: s.path, label: t(`production.section.${s.key}`) }))} style={{ marginBottom: 12 }} data-testid="production-nav" />;
}

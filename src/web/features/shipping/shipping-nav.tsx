import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.ts';

const SECTIONS = [
  { path: '/shipping', key: 'shipments', permission: 'shipping:read' },
  { path: '/shipping/exceptions', key: 'exceptions', permission: 'orders:read' },
] as const;

/** 发货 has two pages: the shipments and the delivery exceptions waiting for someone. */
export function ShippingNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/shipping/exceptions') ? '/shipping/exceptions' : '/shipping';
  const sections = SECTIONS.filter((s) => can(s.permission));
  if (sections.length < 2) return null;
  return (
    <Segmented
      value={current}
      onChange={(v) => void navigate(v)}
      options={sections.map((s) => ({ value: s.path, label: t(`shipping.section.${s.key}`) }))}
      style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      data-testid="shipping-nav"
    />
  );
}

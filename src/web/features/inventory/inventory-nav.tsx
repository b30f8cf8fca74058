import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.ts';

const SECTIONS = [
  { path: '/inventory', key: 'stock', permission: 'inventory:read' },
  { path: '/inventory/movements', key: 'movements', permission: 'inventory:read' },
  { path: '/inventory/counts', key: 'counts', permission: 'inventory:read' },
  { path: '/inventory/adjustments', key: 'adjustments', permission: 'inventory:read' },
  { path: '/inventory/opening-import', key: 'openingImport', permission: 'inventory:write' },
  { path: '/inventory/products', key: 'products', permission: 'products:read' },
  { path: '/inventory/price-lists', key: 'priceLists', permission: 'products:read' },
  { path: '/inventory/warehouses', key: 'warehouses', permission: 'inventory:read' },
] as const;

/** 库存 has eight pages: stock levels, the movement ledger, stock counts, adjustment approvals, opening-stock import, products, price lists and warehouses. */
export function InventoryNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = [...SECTIONS].reverse().find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`))?.path ?? '/inventory';
  return (
    <Segmented
      value={current}
      onChange={(v) => void navigate(v)}
      options={SECTIONS.filter((s) => can(s.permission)).map((s) => ({ value: s.path, label: t(`inventory.section.${s.key}`) }))}
      style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      data-testid="inventory-nav"
    />
  );
}

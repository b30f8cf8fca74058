import { createBrowserRouter, Navigate, useParams, type RouteObject } from 'react-router';
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { useSession } from '../features/auth/session.ts';
import { RolesPage } from '../features/admin/roles/roles-page.tsx';
import { TeamsPage } from '../features/admin/teams/teams-page.tsx';
import { UsersPage } from '../features/admin/users/users-page.tsx';
import { WebhooksPage } from '../features/admin/webhooks/webhooks-page.tsx';
import { TokensPage } from '../features/tokens/tokens-page.tsx';
import { NotFoundPage } from '../components/result-page.tsx';
import { AppShell } from './layout/app-shell.tsx';
import { adminPages, landingPath, modules, TOKENS_PATH, visibleAdminPages, type AdminPageKey } from './nav.tsx';
import { RequireAuth, RequirePermission } from './require-auth.tsx';
import { lazyPage } from './lazy-page.tsx';
import type { Permission } from '../../contracts/permissions.ts';
import type { ModuleKey } from './nav.tsx';

const CustomersPage = lazyPage(() => import('../features/customers/customers-page.tsx'), 'CustomersPage');
const CustomerDetailPage = lazyPage(() => import('../features/customers/detail/customer-detail-page.tsx'), 'CustomerDetailPage');
const CustomerFormPage = lazyPage(() => import('../features/customers/form/customer-form-page.tsx'), 'CustomerFormPage');
const CustomerImportPage = lazyPage(() => import('../features/customers/import/customer-import-page.tsx'), 'CustomerImportPage');
const CustomFieldsPage = lazyPage(() => import('../features/admin/custom-fields/custom-fields-page.tsx'), 'CustomFieldsPage');
const SettingsPage = lazyPage(() => import('../features/admin/settings/settings-page.tsx'), 'SettingsPage');
const ApprovalRulesPage = lazyPage(() => import('../features/admin/approval-rules/approval-rules-page.tsx'), 'ApprovalRulesPage');
const OrderRulesPage = lazyPage(() => import('../features/admin/order-rules/order-rules-page.tsx'), 'OrderRulesPage');
const WorkCalendarPage = lazyPage(() => import('../features/admin/calendar/calendar-page.tsx'), 'WorkCalendarPage');
const SlaRulesPage = lazyPage(() => import('../features/admin/sla-rules/sla-rules-page.tsx'), 'SlaRulesPage');
const NoticeTemplatesPage = lazyPage(() => import('../features/admin/notice-templates/notice-templates-page.tsx'), 'NoticeTemplatesPage');
const ApprovalsPage = lazyPage(() => import('../features/approvals/approvals-page.tsx'), 'ApprovalsPage');
const PortalPage = lazyPage(() => import('../features/portal/portal-page.tsx'), 'PortalPage');
const RequirementsPage = lazyPage(() => import('../features/requirements/requirements-page.tsx'), 'RequirementsPage');
const RequirementDetailPage = lazyPage(() => import('../features/requirements/detail/requirement-detail-page.tsx'), 'RequirementDetailPage');
const RequirementFormPage = lazyPage(() => import('../features/requirements/form/requirement-form-page.tsx'), 'RequirementFormPage');
const OrdersPage = lazyPage(() => import('../features/orders/orders-page.tsx'), 'OrdersPage');
const OrderEntryPage = lazyPage(() => import('../features/orders/entry/order-entry-page.tsx'), 'OrderEntryPage');
const OrderDetailPage = lazyPage(() => import('../features/orders/detail/order-detail-page.tsx'), 'OrderDetailPage');
const StockPage = lazyPage(() => import('../features/inventory/stock-page.tsx'), 'StockPage');
const MovementsPage = lazyPage(() => import('../features/inventory/movements-page.tsx'), 'MovementsPage');
const WarehousesPage = lazyPage(() => import('../features/inventory/warehouses-page.tsx'), 'WarehousesPage');
const StockCountsPage = lazyPage(() => import('../features/inventory/counts/stock-counts-page.tsx'), 'StockCountsPage');
const StockCountPage = lazyPage(() => import('../features/inventory/counts/stock-count-page.tsx'), 'StockCountPage');
const AdjustmentsPage = lazyPage(() => import('../features/inventory/adjustments/adjustments-page.tsx'), 'AdjustmentsPage');
const OpeningImportPage = lazyPage(() => import('../features/inventory/opening-import/opening-import-page.tsx'), 'OpeningImportPage');
const ProductsPage = lazyPage(() => import('../features/catalog/products-page.tsx'), 'ProductsPage');
const PriceListsPage = lazyPage(() => import('../features/catalog/price-lists-page.tsx'), 'PriceListsPage');
const ProductFormPage = lazyPage(() => import('../features/catalog/product-form-page.tsx'), 'ProductFormPage');
const ShipmentsPage = lazyPage(() => import('../features/shipping/shipments-page.tsx'), 'ShipmentsPage');
const NewShipmentPage = lazyPage(() => import('../features/shipping/new-shipment-page.tsx'), 'NewShipmentPage');
const ShipmentDetailPage = lazyPage(() => import('../features/shipping/shipment-detail-page.tsx'), 'ShipmentDetailPage');
const ExceptionsPage = lazyPage(() => import('../features/shipping/exceptions-page.tsx'), 'ExceptionsPage');
const OrderImportPage = lazyPage(() => import('../features/orders/import/order-import-page.tsx'), 'OrderImportPage');
const WorkbenchPage = lazyPage(() => import('../features/workbench/workbench-page.tsx'), 'WorkbenchPage');
const ReportsPage = lazyPage(() => import('../features/reports/reports-page.tsx'), 'ReportsPage');
const ResponsibilityAdminPage = lazyPage(() => import('../features/admin/responsibility/responsibility-admin-page.tsx'), 'ResponsibilityAdminPage');
const WorkOrdersPage = lazyPage(() => import('../features/production/work-orders-page.tsx'), 'WorkOrdersPage');
const WorkOrderDetailPage = lazyPage(() => import('../features/production/work-order-detail-page.tsx'), 'WorkOrderDetailPage');
const WorkCentersPage = lazyPage(() => import('../features/production/work-centers-page.tsx'), 'WorkCentersPage');
const ProductionBoardPage = lazyPage(() => import('../features/production/production-board-page.tsx'), 'ProductionBoardPage');
const RoutingPage = lazyPage(() => import('../features/production/routing-page.tsx'), 'RoutingPage');
const SchedulePage = lazyPage(() => import('../features/production/schedule-page.tsx'), 'SchedulePage');
const BomPage = lazyPage(() => import('../features/production/bom-page.tsx'), 'BomPage');

function Landing() {
  const { user } = useSession();
  return <Navigate to={landingPath(user)} replace />;
}

/** Revision approval links (notifications) name the revision: its approval card is in the inbox. */
function OrderRevisionLink() {
  const { id = '' } = useParams();
  return <Navigate to={`/approvals?focus=${encodeURIComponent(id)}`} replace />;
}

function AdminIndex() {
  const { user } = useSession();
  const first = visibleAdminPages(user)[0];
  return <Navigate to={first?.path ?? landingPath(user)} replace />;
}

const adminElements: Record<AdminPageKey, React.ReactNode> = {
  users: <UsersPage />,
  roles: <RolesPage />,
  teams: <TeamsPage />,
  webhooks: <WebhooksPage />,
  customFields: <CustomFieldsPage />,
  settings: <SettingsPage />,
  approvalRules: <ApprovalRulesPage />,
  orderRules: <OrderRulesPage />,
  workCalendar: <WorkCalendarPage />,
  slaRules: <SlaRulesPage />,
  responsibility: <ResponsibilityAdminPage />,
  noticeTemplates: <NoticeTemplatesPage />,
};

const guarded = (permission: Permission, element: React.ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

/** Modules that are built: their pages instead of 即将上线, plus their sub-pages. */
const builtModules: Partial<Record<ModuleKey, RouteObject[]>> = {
  workbench: [{ path: '/workbench', element: guarded('orders:read', <WorkbenchPage />) }],
  reports: [{ path: '/reports', element: guarded('reports:read', <ReportsPage />) }],
  customers: [
    { path: '/customers', element: guarded('customers:read', <CustomersPage />) },
    { path: '/customers/new', element: guarded('customers:write', <CustomerFormPage />) },
    { path: '/customers/import', element: guarded('customers:write', <CustomerImportPage />) },
    { path: '/customers/:id', element: guarded('customers:read', <CustomerDetailPage />) },
    { path: '/customers/:id/edit', element: guarded('customers:write', <CustomerFormPage />) },
  ],
  approvals: [
    { path: '/approvals', element: <RequirePermission permission="orders:approve" orPermissions={['customers:approve', 'inventory:approve']}><ApprovalsPage /></RequirePermission> },
    { path: '/order-revisions/:id', element: <OrderRevisionLink /> },
  ],
  orders: [
    { path: '/orders', element: guarded('orders:read', <OrdersPage />) },
    { path: '/orders/new', element: guarded('orders:write', <OrderEntryPage />) },
    { path: '/orders/import', element: guarded('orders:write', <OrderImportPage />) },
    { path: '/orders/:id', element: guarded('orders:read', <OrderDetailPage />) },
    { path: '/orders/:id/edit', element: guarded('orders:write', <OrderEntryPage />) },
  ],
  inventory: [
    { path: '/inventory', element: guarded('inventory:read', <StockPage />) },
    { path: '/inventory/movements', element: guarded('inventory:read', <MovementsPage />) },
    { path: '/inventory/warehouses', element: guarded('inventory:read', <WarehousesPage />) },
    { path: '/inventory/counts', element: guarded('inventory:read', <StockCountsPage />) },
    { path: '/inventory/counts/:id', element: guarded('inventory:read', <StockCountPage />) },
    { path: '/inventory/adjustments', element: guarded('inventory:read', <AdjustmentsPage />) },
    { path: '/inventory/opening-import', element: guarded('inventory:write', <OpeningImportPage />) },
    { path: '/inventory/products', element: guarded('products:read', <ProductsPage />) },
    { path: '/inventory/products/new', element: guarded('products:write', <ProductFormPage />) },
    { path: '/inventory/products/:id', element: guarded('products:read', <ProductFormPage />) },
    { path: '/inventory/price-lists', element: guarded('products:read', <PriceListsPage />) },
  ],
  shipping: [
    { path: '/shipping', element: guarded('shipping:read', <ShipmentsPage />) },
    { path: '/shipping/new', element: guarded('shipping:write', <NewShipmentPage />) },
    { path: '/shipping/exceptions', element: guarded('orders:read', <ExceptionsPage />) },
    { path: '/shipping/:id', element: guarded('shipping:read', <ShipmentDetailPage />) },
  ],
  production: [
    { path: '/production', element: guarded('production:read', <WorkOrdersPage />) },
    { path: '/production/work-orders/:id', element: guarded('production:read', <WorkOrderDetailPage />) },
    { path: '/production/work-centers', element: guarded('production:read', <WorkCentersPage />) },
    { path: '/production/routings', element: guarded('production:read', <RoutingPage />) },
    { path: '/production/schedule', element: guarded('production:read', <SchedulePage />) },
    { path: '/production/boms', element: guarded('production:read', <BomPage />) },
  ],
  board: [{ path: '/board', element: guarded('board:read', <ProductionBoardPage />) }],
  requirements: [
    { path: '/requirements', element: guarded('requirements:read', <RequirementsPage />) },
    { path: '/requirements/new', element: guarded('requirements:write', <RequirementFormPage />) },
    { path: '/requirements/:id', element: guarded('requirements:read', <RequirementDetailPage />) },
    { path: '/requirements/:id/edit', element: guarded('requirements:write', <RequirementFormPage />) },
  ],
};

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // The customer's secure link: no account, no staff shell.
  { path: '/c/:token', element: <PortalPage /> },
  { path: '/c/:token/orders/:orderId', element: <PortalPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Landing /> },
      ...modules.flatMap((m) => builtModules[m.key] ?? [{ path: m.path, element: <RequirePermission permission={m.permission} orPermissions={m.orPermissions}><ComingSoonPage module={m.key} /></RequirePermission> }]),
      { path: '/admin', element: <AdminIndex /> },
      ...adminPages.map((p) => ({ path: p.path, element: <RequirePermission permission={p.permission}>{adminElements[p.key]}</RequirePermission> })),
      { path: TOKENS_PATH, element: <TokensPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);

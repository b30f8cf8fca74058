import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
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

function Landing() {
  const { user } = useSession();
  return <Navigate to={landingPath(user)} replace />;
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
};

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Landing /> },
      ...modules.map((m) => ({ path: m.path, element: <RequirePermission permission={m.permission}>{<ComingSoonPage module={m.key} />}</RequirePermission> })),
      { path: '/admin', element: <AdminIndex /> },
      ...adminPages.map((p) => ({ path: p.path, element: <RequirePermission permission={p.permission}>{adminElements[p.key]}</RequirePermission> })),
      { path: TOKENS_PATH, element: <TokensPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);

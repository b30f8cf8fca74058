import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../contracts/permissions.ts';
import { useMe } from '../features/auth/api.ts';
import { useSession } from '../features/auth/session.ts';
import { ForbiddenPage } from '../components/result-page.tsx';

/** Renders its children only with a session; otherwise sends the user to sign in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (me.error)
    return (
      <Result
        status="warning"
        title={me.error.message}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  if (!me.data) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return children;
}

/** A page the user's role may not open shows a 403 instead of a broken page (any of `permission`, `orPermissions`). */
export function RequirePermission({ permission, orPermissions = [], children }: { permission: Permission; orPermissions?: readonly Permission[]; children: ReactNode }) {
  const { can } = useSession();
  return [permission, ...orPermissions].some(can) ? children : <ForbiddenPage />;
}

import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';

/** A link that cannot be shown: unknown (404), expired or revoked (410), too many tries (429), offline. */
export function PortalProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const kind = status === 404 ? 'notFound' : status === 410 ? 'expired' : status === 429 ? 'rateLimited' : 'failed';
  return (
    <div className="gd-portal-card" data-testid={`portal-${kind}`}>
      <Result
        status={kind === 'notFound' ? '404' : kind === 'failed' ? 'error' : 'warning'}
        title={t(`portal.problem.${kind}.title`)}
        subTitle={t(`portal.problem.${kind}.text`)}
        extra={
          kind === 'failed' || kind === 'rateLimited' ? (
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}

import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';

/** A failed request as the server worded it, with the request id support can look up. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : null;
  return <Alert type="error" showIcon style={style} title={message} description={requestId ? t('errors.requestId', { id: requestId }) : undefined} />;
}

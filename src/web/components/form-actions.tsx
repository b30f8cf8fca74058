import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { ErrorAlert } from './error-alert.tsx';

interface FormActionsProps {
  /** The last save's error: a CONFLICT (someone else saved first) offers a reload, anything else is shown. */
  error: unknown;
  /** What the conflict means for this form. */
  conflictText: string;
  onCancel: () => void;
  saving: boolean;
  disabled?: boolean;
  saveLabel?: string;
  saveTestId?: string;
}

/** The foot of an edit page: the save's problem, Cancel and the submit button. */
export function FormActions({ error, conflictText, onCancel, saving, disabled, saveLabel, saveTestId }: FormActionsProps) {
  const { t } = useTranslation();
  const conflict = error instanceof ApiError && error.code === 'CONFLICT';
  return (
    <div className="gd-form-actions">
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflictText}
          action={
            <Button size="small" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      {error && !conflict ? <ErrorAlert error={error} /> : null}
      <div className="gd-form-buttons">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} disabled={disabled} data-testid={saveTestId}>
          {saveLabel ?? t('common.save')}
        </Button>
      </div>
    </div>
  );
}

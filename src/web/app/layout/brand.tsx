import { useTranslation } from 'react-i18next';

/** The logo block at the top of the sidebar. */
export function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="gd-brand">
      <span className="gd-brand-mark">跟</span>
      {!collapsed && <span className="gd-brand-name">{t('app.fullName')}</span>}
    </div>
  );
}

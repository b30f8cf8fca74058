import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomField } from './api.ts';

/** A stored custom value as text: lists as tags, files by name, blanks as —. */
export function CustomFieldValue({ def, value }: { def?: CustomField; value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return <>{t('common.none')}</>;
  if (Array.isArray(value))
    return (
      <>
        {value.map((v, i) => (
          <Tag key={i}>{typeof v === 'object' && v && 'name' in v ? String((v as { name: unknown }).name) : String(v)}</Tag>
        ))}
      </>
    );
  if (def?.type === 'number' && typeof value === 'number') return <>{value.toLocaleString('zh-CN')}</>;
  return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
}

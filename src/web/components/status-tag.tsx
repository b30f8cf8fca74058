import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';

export interface StatusStyle {
  color: string;
  label: ParseKeys;
}

/**
 * Builds the one tag component for one status list: the list's values, colours and words
 * live in a single table, so every page shows a status the same way.
 */
export function createStatusTag<S extends string>(styles: Record<S, StatusStyle>) {
  return function StatusTag({ status }: { status: S }) {
    const { t } = useTranslation();
    const s = styles[status];
    return (
      <Tag color={s.color} style={{ marginInlineEnd: 0 }}>
        {t(s.label)}
      </Tag>
    );
  };
}

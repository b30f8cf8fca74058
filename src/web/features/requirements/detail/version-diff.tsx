import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { useFieldLabel } from '../../custom-fields/use-field-label.ts';
import type { RequirementVersion } from '../api.ts';
import { formatQty } from './requirement-content.tsx';

type Item = RequirementVersion['items'][number];
interface Row {
  key: string;
  label: string;
  left: string;
  right: string;
}

const text = (v: unknown): string => (v === undefined || v === null || v === '' ? '' : Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x && 'name' in x ? String(x.name) : String(x))).join('、') : String(v));
const itemText = (i: Item | undefined) =>
  i ? [i.description, formatQty(i.qty, i.unit), ...Object.entries(i.spec).map(([k, v]) => `${k}：${v}`), i.note ? `※ ${i.note}` : ''].filter(Boolean).join('\n') : '';

/**
 * Two versions side by side, field by field and line by line (lines matched by position, as
 * the server records changes); changed rows are highlighted, unchanged rows can be hidden.
 */
export function VersionDiff({ left, right, onlyChanges }: { left: RequirementVersion; right: RequirementVersion; onlyChanges: boolean }) {
  const { t } = useTranslation();
  const defs = useCustomFieldDefs('requirement');
  const label = useFieldLabel();
  const rows: Row[] = [
    { key: 'title', label: t('requirements.titleLabel'), left: left.title, right: right.title },
    { key: 'dueDate', label: t('requirements.dueDate'), left: text(left.dueDate), right: text(right.dueDate) },
  ];
  const lines = Math.max(left.items.length, right.items.length);
  for (let i = 0; i < lines; i++) rows.push({ key: `item-${i}`, label: t('requirements.versions.line', { n: i + 1 }), left: itemText(left.items[i]), right: itemText(right.items[i]) });
  const keys = [...new Set([...Object.keys(left.customFields), ...Object.keys(right.customFields)])];
  for (const k of keys) {
    const d = defs.data?.find((f) => f.key === k);
    rows.push({ key: `cf-${k}`, label: d ? label(d) : k, left: text(left.customFields[k]), right: text(right.customFields[k]) });
  }
  rows.push({ key: 'note', label: t('requirements.note'), left: text(left.note), right: text(right.note) });
  const shown = onlyChanges ? rows.filter((r) => r.left !== r.right) : rows;

  const cell = (value: string, side: 'left' | 'right', changed: boolean): ReactNode => (
    <td className={changed ? `gd-diff-${side === 'left' ? 'old' : 'new'}` : undefined}>
      {value ? <span className="gd-prewrap">{value}</span> : <Typography.Text type="secondary">{changed ? (side === 'left' ? t('requirements.versions.added') : t('requirements.versions.removed')) : t('common.none')}</Typography.Text>}
    </td>
  );

  return (
    <div className="gd-diff-wrap">
      <table className="gd-diff" data-testid="version-diff">
        <thead>
          <tr>
            <th style={{ width: '18%' }} />
            <th>v{left.version}</th>
            <th>v{right.version}</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={3}>
                <Typography.Text type="secondary">{t('requirements.versions.noDiff')}</Typography.Text>
              </td>
            </tr>
          )}
          {shown.map((r) => {
            const changed = r.left !== r.right;
            return (
              <tr key={r.key} className={changed ? 'gd-diff-changed' : undefined}>
                <th scope="row">{r.label}</th>
                {cell(r.left, 'left', changed)}
                {cell(r.right, 'right', changed)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

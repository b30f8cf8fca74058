import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useChangeFormat } from './use-change-format.ts';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** A readable old → new table of field changes (history entries, change requests). */
export function ChangeList({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  const fmt = useChangeFormat();
  if (changes.length === 0) return null;
  return (
    <dl className="gd-changes">
      {changes.map((c, i) => (
        <div key={`${c.field}-${i}`} className="gd-change">
          <dt>{fmt.label(c.field)}</dt>
          <dd>
            <del aria-label={t('customers.history.before')}>{fmt.value(c.field, c.old)}</del>
            <ArrowRightOutlined className="gd-change-arrow" />
            <ins aria-label={t('customers.history.after')}>{fmt.value(c.field, c.new)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

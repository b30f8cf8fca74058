import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from './api.ts';
import { useCheckText } from './use-check-text.ts';

const colors: Record<CheckResult['severity'], string> = { hard: 'error', approval: 'processing', reason: 'warning', soft: 'warning', off: 'default' };

/** Submit checks as a short list: how each acts (blocks, goes to approval, warns) and what it found. */
export function CheckList({ checks, showLine }: { checks: CheckResult[]; showLine?: boolean }) {
  const { t } = useTranslation();
  const text = useCheckText();
  if (checks.length === 0) return null;
  return (
    <ul className="gd-checks" data-testid="check-list">
      {checks.map((c, i) => (
        <li key={`${c.code}-${c.lineNo}-${i}`} className={`gd-check gd-check-${c.severity}`} data-code={c.code}>
          <Tag color={colors[c.severity]} style={{ marginInlineEnd: 6 }}>
            {t(`orders.checks.severity.${c.severity}`)}
          </Tag>
          {showLine && c.lineNo !== null && <span className="gd-check-line">{t('orders.checks.line', { n: c.lineNo })}</span>}
          <span>{text(c)}</span>
        </li>
      ))}
    </ul>
  );
}

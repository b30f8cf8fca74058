import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { PortalRequirement } from './api.ts';

const qty = (n: number, unit?: string | null) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 3 })}${unit ? ` ${unit}` : ''}`;
const value = (v: unknown) => (Array.isArray(v) ? v.join('、') : v === null || v === undefined ? '—' : String(v));

/** The requirement exactly as the customer is asked to confirm it: number, version, lines, fields. */
export function PortalRequirementView({ requirement: r }: { requirement: PortalRequirement }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="gd-portal-card">
        <div className="gd-portal-meta">
          <span className="gd-mono" data-testid="portal-number">
            {r.number}
          </span>
          <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="portal-version">
            {t('portal.version', { version: r.version })}
          </Tag>
        </div>
        <h1>{r.title}</h1>
        <div className="gd-portal-meta">
          <span>{t('portal.to', { name: r.customerName })}</span>
          {r.dueDate && <span>{t('portal.dueDate', { date: formatDate(r.dueDate) })}</span>}
        </div>
      </section>
      <section className="gd-portal-card" data-testid="portal-items">
        <h2>{t('portal.items', { count: r.items.length })}</h2>
        {r.items.map((i, n) => (
          <div key={n} className="gd-portal-item">
            <div className="gd-portal-item-head">
              <span className="gd-portal-item-desc">
                {n + 1}. {i.description}
              </span>
              <span className="gd-portal-qty">{qty(i.qty, i.unit)}</span>
            </div>
            {Object.keys(i.spec).length > 0 && (
              <div className="gd-portal-specs">
                {Object.entries(i.spec).map(([k, v]) => (
                  <Tag key={k} style={{ marginInlineEnd: 0 }}>
                    {k}：{v}
                  </Tag>
                ))}
              </div>
            )}
            {i.note && <div className="gd-portal-note">{i.note}</div>}
          </div>
        ))}
      </section>
      {(r.customFields.length > 0 || r.note) && (
        <section className="gd-portal-card">
          <h2>{t('portal.details')}</h2>
          <dl className="gd-portal-fields">
            {r.customFields.map((f) => (
              <div key={f.label} style={{ display: 'contents' }}>
                <dt>{f.label}</dt>
                <dd>{value(f.value)}</dd>
              </div>
            ))}
            {r.note && (
              <>
                <dt>{t('portal.note')}</dt>
                <dd className="gd-prewrap">{r.note}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}

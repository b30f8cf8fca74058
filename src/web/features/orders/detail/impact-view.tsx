import '../orders.css';
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatQty } from '../../../lib/format.ts';
import type { RevisionImpact } from '../api.ts';

type ImpactLine = RevisionImpact['lines'][number];
const signed = (n: number, f: (x: number) => string) => (n > 0 ? `+${f(n)}` : n < 0 ? `-${f(-n)}` : f(0));

/** What a revision changes: amount before → after, per product quantity and price, stock to reserve or release, the date, and whether it needs approval. */
export function ImpactView({ impact, units, past }: { impact: RevisionImpact; units?: Map<string, string>; past?: boolean }) {
  const { t } = useTranslation();
  const changed = impact.lines.filter((l) => l.qtyBefore !== l.qtyAfter || l.unitPriceBefore !== l.unitPriceAfter);
  const unit = (l: ImpactLine) => units?.get(l.productId);
  return (
    <div className="gd-impact" data-testid="impact">
      <div className="gd-stats">
        <div className="gd-total">
          <span className="gd-fact-label">{t('orders.impact.amount')}</span>
          <span className="gd-num">
            {formatMoney(impact.amountBefore)} → <strong>{formatMoney(impact.amountAfter)}</strong>
          </span>
          <Typography.Text type="secondary" className="gd-num">
            ({signed(impact.amountDelta, formatMoney)})
          </Typography.Text>
        </div>
        {impact.promisedDate && (
          <div className="gd-total">
            <span className="gd-fact-label">{t('orders.promisedDate')}</span>
            <span>
              {formatDate(impact.promisedDate.before)} → <strong>{formatDate(impact.promisedDate.after)}</strong>
            </span>
          </div>
        )}
      </div>
      {impact.fields.length > 0 && (
        <div>
          <span className="gd-fact-label">{t('orders.impact.fields')} </span>
          {impact.fields.map((f) => (
            <Tag key={f}>{t(`orders.impact.field.${f as 'lines'}`, { defaultValue: f })}</Tag>
          ))}
        </div>
      )}
      {changed.length > 0 && (
        <Table<ImpactLine>
          size="small"
          rowKey="productId"
          dataSource={changed}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('orders.line.sku'), dataIndex: 'sku', render: (v: string) => <span className="gd-mono">{v}</span> },
            { title: t('orders.line.qty'), key: 'qty', render: (_, l) => (l.qtyBefore === l.qtyAfter ? formatQty(l.qtyAfter, unit(l)) : `${formatQty(l.qtyBefore)} → ${formatQty(l.qtyAfter, unit(l))}`) },
            {
              title: t('orders.line.unitPrice'),
              key: 'price',
              render: (_, l) => (l.unitPriceBefore === l.unitPriceAfter ? formatMoney(l.unitPriceAfter ?? 0) : `${l.unitPriceBefore === null ? '—' : formatMoney(l.unitPriceBefore)} → ${l.unitPriceAfter === null ? '—' : formatMoney(l.unitPriceAfter)}`),
            },
            {
              title: t('orders.impact.stock'),
              key: 'stock',
              render: (_, l) =>
                l.stockDelta === 0 ? (
                  t('common.none')
                ) : (
                  <Typography.Text type={l.stockDelta > 0 && l.stockDelta > l.available ? 'danger' : undefined}>
                    {l.stockDelta > 0 ? t('orders.impact.reserve', { qty: formatQty(l.stockDelta, unit(l)) }) : t('orders.impact.release', { qty: formatQty(-l.stockDelta, unit(l)) })}
                  </Typography.Text>
                ),
            },
            { title: t('orders.impact.available'), dataIndex: 'available', render: (v: number, l) => formatQty(v, unit(l)) },
          ]}
        />
      )}
      {past ? (
        <div>
          <Tag color={impact.needsApproval ? 'orange' : 'default'}>{impact.needsApproval ? t('orders.impact.neededApproval') : t('orders.impact.noApprovalNeeded')}</Tag>
          {impact.rules.length > 0 && <Typography.Text type="secondary">{t('orders.impact.rules', { rules: impact.rules.join(t('common.listSep')) })}</Typography.Text>}
        </div>
      ) : impact.needsApproval ? (
        <Alert type="warning" showIcon title={t('orders.impact.needsApproval')} description={impact.rules.length ? t('orders.impact.rules', { rules: impact.rules.join(t('common.listSep')) }) : undefined} />
      ) : (
        <Alert type="info" showIcon title={t('orders.impact.noApproval')} />
      )}
    </div>
  );
}

import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format.ts';

/** 合计: net, tax and gross, always in view above the save buttons; tax is rounded per line. */
export function TotalsBar({ totals, lines }: { totals: { net: number; tax: number; gross: number }; lines: number }) {
  const { t } = useTranslation();
  return (
    <div className="gd-totals" data-testid="order-totals">
      <span className="gd-total">
        <span className="gd-fact-label">{t('orders.totals.net')}</span>
        <span className="gd-num">{formatMoney(totals.net)}</span>
      </span>
      <span className="gd-total">
        <span className="gd-fact-label">{t('orders.totals.tax')}</span>
        <span className="gd-num">{formatMoney(totals.tax)}</span>
      </span>
      <span className="gd-total gd-total-gross">
        <span className="gd-fact-label">{t('orders.totals.gross')}</span>
        <span className="gd-num" data-testid="order-gross">
          {formatMoney(totals.gross)}
        </span>
      </span>
      <Typography.Text type="secondary" className="gd-totals-note">
        {t('orders.totals.lines', { count: lines })} · {t('orders.totals.rounding')}
      </Typography.Text>
    </div>
  );
}

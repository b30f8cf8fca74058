import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format.ts';
import type { CheckResult } from './api.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
const money = (v: unknown) => formatMoney(num(v));
const pairs = (v: unknown) =>
  Object.entries((v ?? {}) as Record<string, unknown>)
    .map(([k, x]) => `${k}=${Array.isArray(x) ? x.join('/') : String(x)}`)
    .join('; ');

/** One submit check in words, with its numbers (prices in ¥, the other orders, the allowed options). */
export function useCheckText() {
  const { t } = useTranslation();
  return (c: Pick<CheckResult, 'code' | 'details'>): string => {
    const d = c.details ?? {};
    switch (c.code) {
      case 'PRICE_BELOW_FLOOR':
        return t('orders.checks.text.PRICE_BELOW_FLOOR', { unitPrice: money(d.unitPrice), floorPrice: money(d.floorPrice) });
      case 'PRICE_BELOW_LIST':
        return t('orders.checks.text.PRICE_BELOW_LIST', { unitPrice: money(d.unitPrice), listPrice: money(d.listPrice) });
      case 'PRICE_BELOW_LAST':
        return t('orders.checks.text.PRICE_BELOW_LAST', { unitPrice: money(d.unitPrice), lastPrice: money(d.lastPrice) });
      case 'SPEC_INVALID':
        return t('orders.checks.text.SPEC_INVALID', { invalid: pairs(d.invalid), allowed: pairs(d.allowed) || t('orders.checks.noOptions') });
      case 'QTY_OUT_OF_RANGE':
        return t('orders.checks.text.QTY_OUT_OF_RANGE', { qty: num(d.qty), min: d.minQty ?? '—', max: d.maxQty ?? '—' });
      case 'PRODUCT_INACTIVE':
        return t('orders.checks.text.PRODUCT_INACTIVE', { sku: String(d.sku ?? '') });
      case 'CREDIT_LIMIT_EXCEEDED':
        return t('orders.checks.text.CREDIT_LIMIT_EXCEEDED', { creditLimit: money(d.creditLimit), openAmount: money(d.openAmount), orderAmount: money(d.orderAmount) });
      case 'CUSTOMER_ON_HOLD':
        return t('orders.checks.text.CUSTOMER_ON_HOLD');
      case 'LEAD_TIME_TOO_SHORT':
        return t('orders.checks.text.LEAD_TIME_TOO_SHORT', { days: num(d.leadTimeDays), earliest: String(d.earliest ?? '') });
      case 'POSSIBLE_DUPLICATE_ORDER':
        return t('orders.checks.text.POSSIBLE_DUPLICATE_ORDER', { count: Array.isArray(d.orders) ? d.orders.length : 0 });
    }
  };
}

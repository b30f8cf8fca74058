import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, type FormInstance } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import { toYuan } from '../../../lib/money.ts';
import type { Product } from '../../catalog/api.ts';
import { orderKeys, type CheckResult, type PriceQuote } from '../api.ts';
import { emptyLine, type LineValues } from './form-values.ts';
import { LineRow } from './line-row.tsx';

interface Props {
  /** The entry or the revision form: any form holding `lines`. */
  form: FormInstance;
  customerId?: string;
  customerTier?: string;
  products: Map<string, Product>;
  quotes?: Map<string, PriceQuote>;
  /** Check findings per form line index. */
  checksByLine: Map<number, CheckResult[]>;
}

/**
 * 订单明细: one row per product. Enter in the quantity, price or discount of the last line
 * adds a line and puts the cursor in its product search (elsewhere it moves to the next
 * line) — keyboard-only entry, as in Excel. IME composition Enter is left alone.
 */
export function LineGrid({ form, customerId, customerTier, products, quotes, checksByLine }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const focusLine = (index: number) => setTimeout(() => document.querySelector<HTMLInputElement>(`[data-line="${index}"] .gd-ol-product input`)?.focus(), 0);

  /** A new product: its price list price at once, then the customer's tier price if there is one; spec options start empty. */
  const onProduct = async (name: number, p?: Product) => {
    form.setFieldValue(['lines', name, 'spec'], {});
    if (!p) return;
    form.setFieldValue(['lines', name, 'unitPrice'], toYuan(p.listPrice));
    if (!customerId) return;
    try {
      const r = await qc.fetchQuery({ queryKey: orderKeys.quote(customerId, [p.id]), queryFn: () => api.get<{ items: PriceQuote[] }>('/api/v1/orders/quote', { customerId, productIds: p.id }), staleTime: 15_000 });
      const q = r.items[0];
      const current = form.getFieldValue(['lines', name]) as LineValues | undefined;
      if (q?.tierPrice != null && current?.productId === p.id) form.setFieldValue(['lines', name, 'unitPrice'], toYuan(q.tierPrice));
    } catch {
      /* the list price stays; the quote strip shows the error state by its absence */
    }
  };

  return (
    <Form.List name="lines">
      {(lines, { add, remove }) => {
        const onEnter = (index: number) => (e: KeyboardEvent) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey) return;
          e.preventDefault();
          if (index === lines.length - 1) add(emptyLine());
          focusLine(index + 1);
        };
        return (
          <div className="gd-lines" data-testid="order-lines">
            <div className="gd-ol gd-ol-head" aria-hidden>
              <span>#</span>
              <span>{t('orders.line.product')}</span>
              <span>{t('orders.line.qty')}</span>
              <span>{t('orders.line.unitPrice')}</span>
              <span>{t('orders.line.discount')}</span>
              <span style={{ textAlign: 'right' }}>{t('orders.line.net')}</span>
              <span />
            </div>
            {lines.map((line, index) => {
              const v = form.getFieldValue(['lines', line.name]) as LineValues | undefined;
              const pid = v?.productId;
              return (
                <LineRow
                  key={line.key}
                  form={form}
                  name={line.name}
                  index={index}
                  product={pid ? products.get(pid) : undefined}
                  quote={pid ? quotes?.get(pid) : undefined}
                  tierLabel={customerTier ? t('orders.quote.tierOf', { tier: customerTier }) : undefined}
                  checks={checksByLine.get(index) ?? []}
                  removable={lines.length > 1}
                  onProduct={(n, p) => void onProduct(n, p)}
                  onEnter={onEnter}
                  onRemove={() => remove(line.name)}
                />
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              block
              onClick={() => {
                add(emptyLine());
                focusLine(lines.length);
              }}
              data-testid="add-line"
            >
              {t('orders.line.add')}
            </Button>
            <div className="gd-hint">{t('orders.line.enterHint')}</div>
          </div>
        );
      }}
    </Form.List>
  );
}

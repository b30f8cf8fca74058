import { DeleteOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatQty } from '../../../lib/format.ts';
import { lineAmounts, toFen, toYuan } from '../../../lib/money.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { orderLineInput } from '../../../../contracts/orders.ts';
import type { Product } from '../../catalog/api.ts';
import { ProductSelect } from '../../catalog/product-select.tsx';
import type { CheckResult, PriceQuote } from '../api.ts';
import { CheckList } from '../check-list.tsx';
import type { LineValues } from './form-values.ts';

const shape = orderLineInput.shape;

interface Props {
  /** The entry or the revision form: any form holding `lines`. */
  form: FormInstance;
  name: number;
  index: number;
  product?: Product;
  quote?: PriceQuote;
  tierLabel?: string;
  checks: CheckResult[];
  removable: boolean;
  onProduct: (name: number, product?: Product) => void;
  onEnter: (index: number) => (e: KeyboardEvent) => void;
  onRemove: () => void;
}

/** One order line: product, quantity in its unit, price, discount, spec options, and what the customer usually pays. */
export function LineRow({ form, name, index, product, quote, tierLabel, checks, removable, onProduct, onEnter, onRemove }: Props) {
  const { t } = useTranslation();
  const line = Form.useWatch(['lines', name], form) as LineValues | undefined;
  const started = !!line?.productId;
  const amount = started && line?.qty && line.unitPrice != null ? lineAmounts(line.qty, toFen(line.unitPrice), line.discountPct ?? 0, product?.taxRate ?? 13) : null;
  const setPrice = (fen: number) => form.setFieldValue(['lines', name, 'unitPrice'], toYuan(fen));
  const short = quote && line?.qty ? Math.max(0, line.qty - quote.available) : 0;
  const specs = Object.entries(product?.specOptions ?? {});
  const hard = checks.some((c) => c.severity === 'hard');

  return (
    <div className={hard ? 'gd-ol-block gd-ol-block-error' : 'gd-ol-block'} data-line={index} data-testid="order-line">
      <div className="gd-ol">
        <span className="gd-line-no">{index + 1}</span>
        <Form.Item name={[name, 'productId']} className="gd-ol-product">
          <ProductSelect onChange={(_id, p) => onProduct(name, p)} aria-label={t('orders.line.product')} />
        </Form.Item>
        <Form.Item
          name={[name, 'qty']}
          className="gd-ol-qty"
          rules={[{ required: started, message: t('orders.line.qtyRequired') }, zodRule(shape.qty)]}
        >
          <InputNumber min={0} suffix={product?.unit} placeholder={t('orders.line.qty')} aria-label={t('orders.line.qty')} style={{ width: '100%' }} onKeyDown={onEnter(index)} />
        </Form.Item>
        <Form.Item name={[name, 'unitPrice']} className="gd-ol-price" rules={[{ required: started, message: t('orders.line.priceRequired') }]}>
          <InputNumber min={0} precision={2} prefix="¥" placeholder={t('orders.line.unitPrice')} aria-label={t('orders.line.unitPrice')} style={{ width: '100%' }} onKeyDown={onEnter(index)} />
        </Form.Item>
        <Form.Item name={[name, 'discountPct']} className="gd-ol-disc" rules={[zodRule(shape.discountPct)]}>
          <InputNumber min={0} max={100} precision={2} suffix="%" aria-label={t('orders.line.discount')} style={{ width: '100%' }} onKeyDown={onEnter(index)} />
        </Form.Item>
        <span className="gd-ol-amount gd-num" data-testid="line-amount">
          {amount ? formatMoney(amount.net) : '—'}
        </span>
        <span className="gd-ol-actions">
          <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={!removable} onClick={onRemove} aria-label={t('orders.line.remove', { n: index + 1 })} />
        </span>
      </div>
      {started && (
        <div className="gd-ol-more">
          {specs.length > 0 && (
            <div className="gd-ol-specs">
              {specs.map(([key, values]) => (
                <Form.Item key={key} name={[name, 'spec', key]} label={key} layout="horizontal" className="gd-ol-spec">
                  <Select size="small" allowClear options={values.map((v) => ({ value: v, label: v }))} placeholder={t('orders.line.specPlaceholder')} style={{ minWidth: 110 }} aria-label={key} />
                </Form.Item>
              ))}
            </div>
          )}
          {quote && (
            <div className="gd-ol-quote" data-testid="line-quote">
              <span>
                {t('orders.quote.list')} <Typography.Link onClick={() => setPrice(quote.listPrice)}>{formatMoney(quote.listPrice)}</Typography.Link>
              </span>
              {quote.tierPrice !== null && (
                <span>
                  {tierLabel ?? t('orders.quote.tier')} <Typography.Link onClick={() => setPrice(quote.tierPrice!)}>{formatMoney(quote.tierPrice)}</Typography.Link>
                </span>
              )}
              <span>
                {t('orders.quote.last')}{' '}
                {quote.lastPrice !== null ? (
                  <>
                    <Typography.Link onClick={() => setPrice(quote.lastPrice!)}>{formatMoney(quote.lastPrice)}</Typography.Link> <Typography.Text type="secondary">({formatDate(quote.lastOrderedAt)})</Typography.Text>
                  </>
                ) : (
                  t('orders.quote.never')
                )}
              </span>
              <span>
                {t('orders.quote.floor')} {formatMoney(quote.floorPrice)}
              </span>
              <Typography.Text type={short > 0 ? 'danger' : undefined}>
                {t('orders.quote.available', { qty: formatQty(quote.available, product?.unit) })}
                {short > 0 && ` · ${t('orders.quote.short', { qty: formatQty(short, product?.unit) })}`}
              </Typography.Text>
            </div>
          )}
          <Form.Item name={[name, 'note']} className="gd-ol-note" rules={[zodRule(shape.note.unwrap().unwrap())]}>
            <Input size="small" maxLength={500} placeholder={t('orders.line.notePlaceholder')} aria-label={t('orders.line.note')} variant="borderless" />
          </Form.Item>
          <CheckList checks={checks} />
        </div>
      )}
    </div>
  );
}

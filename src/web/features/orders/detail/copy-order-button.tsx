import { CopyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatMoney } from '../../../lib/format.ts';
import { useCopyOrder, type CopyWarning, type Order } from '../api.ts';

/**
 * 复制订单: a new draft from this one, opened on the entry page for review. What changed on
 * the way (re-quoted prices with the old price, dropped inactive products) stays on screen
 * in a notification until dismissed, so nothing is changed silently.
 */
export function CopyOrderButton({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const { modal, message, notification } = App.useApp();
  const navigate = useNavigate();
  const copy = useCopyOrder();

  const describe = (w: CopyWarning) =>
    w.code === 'PRICE_CHANGED'
      ? t('orderCopy.priceChanged', { line: w.lineNo, sku: w.details.sku, source: t(`orderCopy.source.${w.details.source ?? 'list'}`), old: formatMoney(w.details.oldPrice ?? 0), new: formatMoney(w.details.newPrice ?? 0) })
      : t('orderCopy.dropped', { sku: w.details.sku, name: w.details.name, line: w.details.lineNo });

  const run = async () => {
    try {
      const r = await copy.mutateAsync(o.id);
      void message.success(t('orderCopy.done'));
      if (r.warnings.length) {
        notification.warning({
          key: `copy-${r.order.id}`,
          title: t('orderCopy.warningsTitle'),
          description: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="copy-warnings">
              {r.warnings.map((w, i) => (
                <li key={i}>{describe(w)}</li>
              ))}
            </ul>
          ),
          duration: 0,
        });
      }
      void navigate(`/orders/${r.order.id}/edit`);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Button
      icon={<CopyOutlined />}
      loading={copy.isPending}
      data-testid="copy-order"
      onClick={() =>
        modal.confirm({
          title: t('orderCopy.confirmTitle', { number: o.number ?? t('orders.draftNumber') }),
          content: t('orderCopy.confirmText'),
          okText: t('orderCopy.ok'),
          cancelText: t('common.cancel'),
          onOk: run,
        })
      }
    >
      {t('orderCopy.action')}
    </Button>
  );
}

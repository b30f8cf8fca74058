import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { portalRevision, portalRevisionAnswer } from '../../../contracts/orders.ts';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatMoney, formatQty } from '../../lib/format.ts';

export type PortalRevision = z.infer<typeof portalRevision>;
type Answer = { action: 'confirm' | 'decline'; comment?: string | null; contactName?: string | null };
type Line = PortalRevision['lines'][number];

/** The portal answer when the link asks to confirm an order revision (`kind: 'order_revision'`), else null. */
export const asPortalRevision = (d: unknown): PortalRevision | null => (d && typeof d === 'object' && (d as { kind?: string }).kind === 'order_revision' ? (d as PortalRevision) : null);

function useAnswer(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Answer) => api.post<z.infer<typeof portalRevisionAnswer>>(`/api/portal/${encodeURIComponent(token)}/confirm`, body),
    // Answered (or answered meanwhile on another phone): show the page as it now stands.
    onSettled: () => qc.invalidateQueries({ queryKey: ['portal', token] }),
  });
}

function Change({ before, after, render }: { before: number | string | null; after: number | string | null; render: (v: number | string) => string }) {
  const { t } = useTranslation();
  if (before === after) return <span>{before === null ? '—' : render(before)}</span>;
  if (before === null || before === 0) return <Tag color="green">{t('portalRevision.added')} {after === null ? '' : render(after)}</Tag>;
  if (after === null || after === 0) return <Tag color="red">{t('portalRevision.removed')}</Tag>;
  return (
    <span>
      <s style={{ color: 'rgba(0,0,0,0.45)' }}>{render(before)}</s> → <strong>{render(after)}</strong>
    </span>
  );
}

function LineChange({ line: l }: { line: Line }) {
  const { t } = useTranslation();
  return (
    <div className="gd-portal-item">
      <div className="gd-portal-item-desc">
        <span className="gd-mono">{l.sku}</span> {l.name}
      </div>
      <dl className="gd-portal-fields" style={{ marginTop: 4 }}>
        <dt>{t('portalRevision.qty')}</dt>
        <dd>
          <Change before={l.qtyBefore} after={l.qtyAfter} render={(v) => formatQty(Number(v), l.unit)} />
        </dd>
        <dt>{t('portalRevision.price')}</dt>
        <dd>
          <Change before={l.unitPriceBefore} after={l.qtyAfter === 0 ? l.unitPriceBefore : l.unitPriceAfter} render={(v) => formatMoney(Number(v))} />
        </dd>
      </dl>
    </div>
  );
}

/**
 * /c/:token for a revision: what changed in the customer's order (per line qty and price,
 * delivery date, address, amount) and why, then accept or decline — declining needs a
 * reason. Answered links show the answer and when it was given.
 */
export function PortalRevisionView({ token, revision: r }: { token: string; revision: PortalRevision }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ contactName?: string; comment?: string }>();
  const answer = useAnswer(token);

  const send = (action: Answer['action']) => {
    const v = form.getFieldsValue();
    return answer.mutateAsync({ action, comment: v.comment?.trim() || null, contactName: v.contactName?.trim() || null }).catch(() => undefined);
  };
  const decline = () => {
    if (!form.getFieldValue('comment')?.trim()) {
      form.setFields([{ name: 'comment', errors: [t('portalRevision.commentRequired')] }]);
      document.getElementById('portal-revision-comment')?.focus();
      return;
    }
    void send('decline');
  };
  const accept = () => modal.confirm({ title: t('portalRevision.confirmTitle'), content: t('portalRevision.confirmText'), okText: t('portalRevision.confirm'), cancelText: t('portalRevision.back'), onOk: () => send('confirm') });

  return (
    <>
      <section className="gd-portal-card" data-testid="portal-revision">
        <div className="gd-portal-meta">
          <span className="gd-mono">{r.number}</span>
          <span>{formatDateTime(r.createdAt)}</span>
        </div>
        <h1>{t('portalRevision.title', { number: r.number ?? '', n: r.revisionNo })}</h1>
        <p style={{ margin: '4px 0 0' }}>{t('portalRevision.intro', { customer: r.customerName })}</p>
        <dl className="gd-portal-fields" style={{ marginTop: 12 }}>
          <dt>{t('portalRevision.reason')}</dt>
          <dd data-testid="portal-revision-reason">{r.reason}</dd>
          <dt>{t('portalRevision.amount')}</dt>
          <dd>
            <Change before={r.amount.before} after={r.amount.after} render={(v) => formatMoney(Number(v))} />
          </dd>
          {r.promisedDate && (
            <>
              <dt>{t('portalRevision.promisedDate')}</dt>
              <dd>
                <Change before={r.promisedDate.before} after={r.promisedDate.after} render={(v) => formatDate(String(v))} />
              </dd>
            </>
          )}
          {r.shipToAddress && (
            <>
              <dt>{t('portalRevision.address')}</dt>
              <dd>
                <Change before={r.shipToAddress.before} after={r.shipToAddress.after} render={String} />
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="gd-portal-card" data-testid="portal-revision-lines">
        <h2>{t('portalRevision.lines')}</h2>
        {r.lines.map((l) => (
          <LineChange key={l.sku} line={l} />
        ))}
      </section>
      {r.state !== 'requested' ? (
        <section className="gd-portal-card" data-testid={`portal-revision-${r.state}`}>
          <Result status={r.state === 'confirmed' ? 'success' : 'info'} title={t(`portalRevision.state.${r.state}`)} subTitle={r.answeredAt ? t('portalRevision.answeredAt', { at: formatDateTime(r.answeredAt) }) : undefined} />
        </section>
      ) : (
        <section className="gd-portal-card" data-testid="portal-revision-answer">
          <h2>{t('portalRevision.answerTitle')}</h2>
          <Form form={form} layout="vertical" disabled={answer.isPending} requiredMark={false}>
            <Form.Item name="contactName" label={t('portalRevision.contactName')} rules={[{ max: 64 }]}>
              <Input size="large" maxLength={64} autoComplete="name" />
            </Form.Item>
            <Form.Item name="comment" label={t('portalRevision.comment')} extra={t('portalRevision.commentHelp')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} id="portal-revision-comment" />
            </Form.Item>
          </Form>
          {answer.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={(answer.error as Error).message} />}
          <div className="gd-portal-actions">
            <Button type="primary" size="large" block onClick={accept} loading={answer.isPending && answer.variables?.action === 'confirm'} data-testid="portal-revision-confirm">
              {t('portalRevision.confirm')}
            </Button>
            <Button size="large" block danger onClick={decline} loading={answer.isPending && answer.variables?.action === 'decline'} data-testid="portal-revision-decline">
              {t('portalRevision.decline')}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}

import { App, type FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useCreateOrder, useSubmitOrder, useUpdateOrder, type Acknowledgement, type CheckResult, type Order, type OrderCreated } from '../api.ts';
import { useCheckText } from '../use-check-text.ts';
import { toCreateBody, toLines, toPatch, type OrderFormValues } from './form-values.ts';

const FIELDS = ['customerId', 'shipToAddressId', 'shipToAddress', 'promisedDate', 'priority', 'customerPo', 'nonStandard', 'nonStandardReason', 'lines', 'note', 'customFields'];
/** The form field each blocking check points at. */
const checkField: Partial<Record<CheckResult['code'], string>> = { PRICE_BELOW_FLOOR: 'unitPrice', QTY_OUT_OF_RANGE: 'qty', PRODUCT_INACTIVE: 'productId', LEAD_TIME_TOO_SHORT: 'qty' };

/**
 * Saving and submitting an order from the entry form. New orders are created (and submitted)
 * in one request, so a refused submit leaves nothing behind; a draft is saved first, then
 * submitted. Refusals come back as checks: each is put on the line it names, and checks that
 * need a reason open the acknowledgement dialog, after which the same action is retried.
 */
export function useOrderSave(form: FormInstance<OrderFormValues>, initial?: Order) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const text = useCheckText();
  const create = useCreateOrder();
  const update = useUpdateOrder();
  const submitOrder = useSubmitOrder();
  const [current, setCurrent] = useState<Order | undefined>(initial);
  const [checks, setChecks] = useState<CheckResult[]>([]);
  const [formIndex, setFormIndex] = useState<number[]>([]);
  const [needReasons, setNeedReasons] = useState<CheckResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const acks = useRef<Acknowledgement[]>([]);
  const busy = create.isPending || update.isPending || submitOrder.isPending;

  const done = (r: OrderCreated, submitted: boolean, release: () => void) => {
    release();
    const o = r.order;
    if (!submitted) void message.success(t('orders.form.draftSaved'));
    else if (o.status === 'confirmed') void message.success(t('orders.form.confirmed', { number: o.number }));
    else void message.info(t('orders.form.pendingApproval', { number: o.number }));
    void navigate(`/orders/${o.id}`);
  };

  const fail = (err: unknown, map: number[]) => {
    const details = err instanceof ApiError && err.details && typeof err.details === 'object' && !Array.isArray(err.details) ? (err.details as { checks?: CheckResult[]; needsReason?: boolean }) : null;
    if (details?.checks) {
      setChecks(details.checks);
      setFormIndex(map);
      const fields = details.checks.flatMap((c) => (c.severity === 'hard' && c.lineNo !== null && checkField[c.code] && map[c.lineNo - 1] !== undefined ? [{ name: ['lines', map[c.lineNo - 1], checkField[c.code]!], errors: [text(c)] }] : []));
      if (fields.length) form.setFields(fields);
      if (details.needsReason && !details.checks.some((c) => c.severity === 'hard')) {
        setNeedReasons(details.checks.filter((c) => c.severity === 'reason'));
        return;
      }
      setError(err);
      return;
    }
    const alias = (p: string) => p.replace(/^lines\.(\d+)/, (_m, i: string) => `lines.${map[Number(i)] ?? i}`).replace(/^shipToAddress(\..*)?$/, 'shipToAddressId');
    const placed = applyServerErrors(form, err, FIELDS, {}, { nested: true, alias });
    if (!placed || (err instanceof ApiError && err.code !== 'VALIDATION_FAILED')) setError(err);
  };

  const save = async (submit: boolean, release: () => void) => {
    setError(null);
    let v: OrderFormValues;
    try {
      v = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
      return;
    }
    const { lines, formIndex: map } = toLines(v);
    if (lines.length === 0) {
      form.setFields([{ name: ['lines', 0, 'productId'], errors: [t('orders.form.needLine')] }]);
      return;
    }
    setChecks([]);
    try {
      if (!current) {
        const r = await create.mutateAsync(toCreateBody(v, submit, submit ? acks.current : []));
        return done(r, submit, release);
      }
      const saved = await update.mutateAsync({ id: current.id, patch: toPatch(current, v) });
      setCurrent(saved);
      if (!submit) return done({ order: saved, warnings: [] }, false, release);
      done(await submitOrder.mutateAsync({ id: saved.id, acknowledge: acks.current }), true, release);
    } catch (err) {
      fail(err, map);
    }
  };

  /** The reasons given in the dialog, then the submit again. */
  const acknowledge = (given: Acknowledgement[], release: () => void) => {
    acks.current = [...acks.current.filter((a) => !given.some((g) => g.code === a.code)), ...given];
    setNeedReasons(null);
    void save(true, release);
  };

  const byLine = new Map<number, CheckResult[]>();
  for (const c of checks) {
    if (c.lineNo === null) continue;
    const i = formIndex[c.lineNo - 1] ?? c.lineNo - 1;
    byLine.set(i, [...(byLine.get(i) ?? []), c]);
  }
  const blockedByChecks = error instanceof ApiError && checks.length > 0;
  return { current, busy, error, blockedByChecks, save, acknowledge, needReasons, closeReasons: () => setNeedReasons(null), checksByLine: byLine, headerChecks: checks.filter((c) => c.lineNo === null) };
}

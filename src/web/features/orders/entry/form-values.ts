import type { Acknowledgement, Order, OrderCreateInput, OrderPatch, Priority } from '../api.ts';
import { cleanCustomFields } from '../../customers/form/form-values.ts';
import { toFen, toYuan } from '../../../lib/money.ts';

/** One line as the form holds it: prices in yuan as typed, spec as option → value. */
export interface LineValues {
  productId?: string;
  qty?: number | null;
  unitPrice?: number | null;
  discountPct?: number | null;
  spec?: Record<string, string | undefined>;
  note?: string;
}
export interface OrderFormValues {
  customerId?: string;
  shipToAddressId?: string;
  promisedDate?: string | null;
  priority: Priority;
  customerPo?: string;
  nonStandard: boolean;
  nonStandardReason?: string;
  note?: string;
  lines: LineValues[];
  customFields: Record<string, unknown>;
}

/** The ship-to an existing order already has (kept unless another address is chosen). */
export const CURRENT_ADDRESS = '__current';

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export const emptyLine = (): LineValues => ({ discountPct: 0, spec: {} });

export function emptyValues(customerId?: string): OrderFormValues {
  return { customerId, priority: 'normal', nonStandard: false, lines: [emptyLine()], customFields: {} };
}

export function fromOrder(o: Order): OrderFormValues {
  return {
    customerId: o.customerId,
    shipToAddressId: o.shipToAddress ? CURRENT_ADDRESS : undefined,
    promisedDate: o.promisedDate,
    priority: o.priority,
    customerPo: o.customerPo ?? '',
    nonStandard: o.nonStandard,
    nonStandardReason: o.nonStandardReason ?? '',
    note: o.note ?? '',
    lines: o.lines.map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: toYuan(l.unitPrice), discountPct: l.discountPct, spec: { ...l.spec }, note: l.note ?? '' })),
    customFields: o.customFields,
  };
}

/** A line the user has started: it has a product (spare empty lines are not sent). */
export const isStarted = (l: LineValues | undefined) => !!l?.productId;

/**
 * The lines as the API takes them, and for each sent line the form line it came from —
 * the server names problems by sent position (`lines.1.qty`, `lineNo: 2`).
 */
export function toLines(v: Pick<OrderFormValues, 'lines'>) {
  const formIndex: number[] = [];
  const lines = (v.lines ?? []).flatMap((l, i) => {
    if (!isStarted(l)) return [];
    formIndex.push(i);
    const spec = Object.fromEntries(Object.entries(l.spec ?? {}).filter((e): e is [string, string] => !!e[1]));
    return [{ productId: l.productId!, qty: l.qty ?? 0, unitPrice: toFen(l.unitPrice), discountPct: l.discountPct ?? 0, spec, note: blank(l.note) }];
  });
  return { lines, formIndex };
}

function header(v: OrderFormValues) {
  return {
    promisedDate: v.promisedDate ?? '',
    priority: v.priority,
    customerPo: blank(v.customerPo),
    nonStandard: v.nonStandard,
    nonStandardReason: v.nonStandard ? blank(v.nonStandardReason) : null,
    note: blank(v.note),
    customFields: cleanCustomFields(v.customFields),
  };
}

const shipTo = (v: OrderFormValues) => (v.shipToAddressId && v.shipToAddressId !== CURRENT_ADDRESS ? { shipToAddressId: v.shipToAddressId } : {});

export function toCreateBody(v: OrderFormValues, submit: boolean, acknowledge: Acknowledgement[]): OrderCreateInput {
  return { customerId: v.customerId!, ...header(v), ...shipTo(v), lines: toLines(v).lines, submit, acknowledge };
}

/** A draft's edit: the header and all lines, with the version edited (optimistic lock). */
export function toPatch(o: Order, v: OrderFormValues): OrderPatch {
  return { ...header(v), ...shipTo(v), lines: toLines(v).lines, version: o.version };
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Approval } from '../../../contracts/approvals.ts';
import type { priceQuote } from '../../../contracts/catalog.ts';
import type {
  acknowledgement,
  CheckResult,
  Order,
  OrderCreate,
  orderCreated,
  orderCreateBody,
  orderListItem,
  orderPatchBody,
  OrderStatus,
  priorities,
  revisionBody,
  revisionReply,
  revisionSchema,
  revisionStates,
  timelineEntry,
  convertBody,
  orderCopied,
} from '../../../contracts/orders.ts';
import { api } from '../../lib/api.ts';

export type { CheckResult, Order, OrderCreate, OrderStatus };
export type OrderLine = Order['lines'][number];
export type OrderListItem = z.infer<typeof orderListItem>;
export type OrderCreateInput = z.input<typeof orderCreateBody>;
export type OrderPatch = z.input<typeof orderPatchBody>;
export type OrderCreated = z.infer<typeof orderCreated>;
export type Priority = (typeof priorities)[number];
export type Acknowledgement = z.infer<typeof acknowledgement>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type Revision = z.infer<typeof revisionSchema>;
export type RevisionState = (typeof revisionStates)[number];
export type RevisionInput = z.input<typeof revisionBody>;
export type RevisionReply = z.infer<typeof revisionReply>;
export type RevisionImpact = Revision['impact'];
export type PriceQuote = z.infer<typeof priceQuote>;

export interface OrderFilters {
  q: string;
  status: '' | OrderStatus;
  customerId: string;
  ownerId: string;
  priority: '' | Priority;
  from: string;
  to: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const orderKeys = {
  all: ['orders'] as const,
  list: (f: OrderFilters) => [...orderKeys.all, 'list', f] as const,
  detail: (id: string) => [...orderKeys.all, 'detail', id] as const,
  timeline: (id: string) => [...orderKeys.all, 'timeline', id] as const,
  approvals: (id: string) => [...orderKeys.all, 'approvals', id] as const,
  revisions: (id: string) => [...orderKeys.all, 'revisions', id] as const,
  quote: (customerId: string, productIds: string[]) => [...orderKeys.all, 'quote', customerId, productIds] as const,
};

const path = (id: string) => `/api/v1/orders/${encodeURIComponent(id)}`;

export function useOrderList(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<Page<OrderListItem>>('/api/v1/orders', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({ queryKey: orderKeys.detail(id ?? ''), queryFn: () => api.get<Order>(path(id!)), enabled: !!id });
}

export function useOrderTimeline(id: string) {
  return useQuery({ queryKey: orderKeys.timeline(id), queryFn: () => api.get<{ items: TimelineEntry[] }>(`${path(id)}/timeline`), select: (r) => r.items });
}

export function useOrderApprovals(id: string) {
  return useQuery({ queryKey: orderKeys.approvals(id), queryFn: () => api.get<{ items: Approval[] }>(`${path(id)}/approvals`), select: (r) => r.items });
}

export function useOrderRevisions(id: string, enabled = true) {
  return useQuery({ queryKey: orderKeys.revisions(id), queryFn: () => api.get<{ items: Revision[] }>(`${path(id)}/revisions`), select: (r) => [...r.items].sort((a, b) => b.revisionNo - a.revisionNo), enabled });
}

/** List, tier and last price and available stock per product for this customer (order entry). */
export function useQuote(customerId: string | undefined, productIds: string[]) {
  const ids = [...new Set(productIds)].sort();
  return useQuery({
    queryKey: orderKeys.quote(customerId ?? '', ids),
    queryFn: () => api.get<{ items: PriceQuote[] }>('/api/v1/orders/quote', { customerId, productIds: ids.join(',') }),
    select: (r) => new Map(r.items.map((q) => [q.productId, q])),
    enabled: !!customerId && ids.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** Orders, their approvals and the approvers' inbox change together; customers' exposure too. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: orderKeys.all }), qc.invalidateQueries({ queryKey: ['approvals'] })]);
}

export function useCreateOrder() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: OrderCreateInput) => api.post<OrderCreated>('/api/v1/orders', body), onSuccess: invalidate });
}

export function useUpdateOrder() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: OrderPatch }) => api.patch<Order>(path(id), patch), onSuccess: invalidate });
}

export function useSubmitOrder() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, acknowledge }: { id: string; acknowledge: Acknowledgement[] }) => api.post<OrderCreated>(`${path(id)}/submit`, { acknowledge }), onSuccess: invalidate });
}

export function useCancelOrder(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (reason: string) => api.post<Order>(`${path(id)}/cancel`, { reason }), onSuccess: invalidate });
}

/** Hold an open order (credit, exception) or release it back to where it was; a reason each time. */
export function useHoldOrder(id: string, action: 'hold' | 'release') {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (reason: string) => api.post<Order>(`${path(id)}/${action}`, { reason }), onSuccess: invalidate });
}

/** `preview: true` only computes the impact; without it the revision is applied or sent for approval. */
export function useReviseOrder(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RevisionInput) => api.post<RevisionReply>(`${path(id)}/revisions`, body),
    onSuccess: (r) => (r.preview ? undefined : Promise.all([qc.invalidateQueries({ queryKey: orderKeys.all }), qc.invalidateQueries({ queryKey: ['approvals'] }), qc.invalidateQueries({ queryKey: ['stock'] })])),
  });
}

/** A draft order from a requirement the customer confirmed. */
export function useConvertRequirement(requirementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof convertBody>) => api.post<Order>(`/api/v1/requirements/${encodeURIComponent(requirementId)}/convert`, body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: orderKeys.all }), qc.invalidateQueries({ queryKey: ['requirements'] })]),
  });
}

/** The order with this exact number (revision approvals name the order only by number). */
export function useOrderIdByNumber(number: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: [...orderKeys.all, 'by-number', number ?? ''] as const,
    queryFn: () => api.get<Page<OrderListItem>>('/api/v1/orders', { q: number!, limit: 5 }),
    select: (p) => p.items.find((o) => o.number === number)?.id ?? null,
    enabled: enabled && !!number,
    staleTime: 5 * 60_000,
  });
}

export type OrderCopied = z.infer<typeof orderCopied>;
export type CopyWarning = OrderCopied['warnings'][number];

/** 复制订单: a new draft from this order (prices re-quoted; warnings carry what changed). */
export function useCopyOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OrderCopied>(`${path(id)}/copy`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

/** A customer link where the customer confirms or declines a revision; the revision then shows "awaiting customer". */
export function useRevisionCustomerLink(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (revisionId: string) => api.post<{ url: string; expiresAt: string; id: string }>(`${path(orderId)}/revisions/${encodeURIComponent(revisionId)}/customer-link`, {}),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: orderKeys.revisions(orderId) }), qc.invalidateQueries({ queryKey: orderKeys.timeline(orderId) })]),
  });
}

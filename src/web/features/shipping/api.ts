import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { exceptionPatchBody, ShippingException } from '../../../contracts/exceptions.ts';
import type { dispatchBody, packagesBody, packagesResponse, pickListSchema, Shipment, shipmentNoticeSchema, ShipmentStatus, shipmentCreateBody, trackingEventBody } from '../../../contracts/shipping.ts';
import { api, saveBlob } from '../../lib/api.ts';

export type { Shipment, ShipmentStatus, ShippingException };
export type ShipmentLine = Shipment['lines'][number];
export type ShipmentCreate = z.input<typeof shipmentCreateBody>;
export type DispatchInput = z.input<typeof dispatchBody>;
export type TrackingEventInput = z.input<typeof trackingEventBody>;
export type ExceptionPatch = z.input<typeof exceptionPatchBody>;

/** The list's filters, all applied on the server (and kept in the URL by the page). */
export type ShipmentFilters = {
  status: '' | ShipmentStatus;
  q: string;
  customerId: string;
  carrier: string;
  from: string;
  to: string;
};

export const shipmentKeys = {
  all: ['shipments'] as const,
  list: (f: Partial<ShipmentFilters> & { orderId?: string }) => [...shipmentKeys.all, 'list', f] as const,
  detail: (id: string) => [...shipmentKeys.all, 'detail', id] as const,
  exceptions: (f: object) => ['exceptions', f] as const,
};

const path = (id: string) => `/api/v1/shipments/${encodeURIComponent(id)}`;

/** Newest first, 50 a page; the next page on demand. */
export function useShipments(filters: ShipmentFilters) {
  return useInfiniteQuery({
    queryKey: shipmentKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<{ items: Shipment[]; nextCursor: string | null }>('/api/v1/shipments', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Downloads the filtered shipments as .xlsx (the server caps it at SHIPMENT_EXPORT_MAX_ROWS, newest first). */
export async function exportShipments(filters: ShipmentFilters, filename: string): Promise<void> {
  saveBlob(await api.download('/api/v1/shipments/export.xlsx', filters), filename);
}

export function useShipment(id: string) {
  return useQuery({ queryKey: shipmentKeys.detail(id), queryFn: () => api.get<Shipment>(path(id)), enabled: !!id });
}

/** A shipment moves the order (status, shipped quantities, timeline), its stock and its exceptions. */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: shipmentKeys.all }),
      qc.invalidateQueries({ queryKey: ['orders'] }),
      qc.invalidateQueries({ queryKey: ['exceptions'] }),
      qc.invalidateQueries({ queryKey: ['stock'] }),
    ]);
}

export function useCreateShipment() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: ShipmentCreate) => api.post<Shipment>('/api/v1/shipments', body), onSuccess: invalidate });
}

export function useDispatchShipment() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: DispatchInput }) => api.post<Shipment>(`${path(id)}/dispatch`, body), onSuccess: invalidate });
}

export function useAddTrackingEvent(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TrackingEventInput) => api.post<Shipment>(`${path(id)}/tracking-events`, body), onSuccess: invalidate });
}

/** The customer's secure page for an order, or for all of a customer's open orders (tracking, proof of delivery); a new link each time. */
export function useCustomerLink() {
  return useMutation({
    mutationFn: (target: { orderId: string } | { customerId: string }) =>
      api.post<{ url: string; expiresAt: string; id: string }>('customerId' in target ? `/api/v1/customers/${encodeURIComponent(target.customerId)}/customer-link` : `/api/v1/orders/${encodeURIComponent(target.orderId)}/customer-link`, {}),
  });
}

export interface ExceptionFilters {
  state: '' | ShippingException['state'];
  type: '' | ShippingException['type'];
  orderId?: string;
}

export function useExceptions(filters: ExceptionFilters, enabled = true) {
  return useQuery({
    queryKey: shipmentKeys.exceptions(filters),
    queryFn: () => api.get<{ items: ShippingException[] }>('/api/v1/exceptions', { ...filters, limit: 200 }),
    select: (r) => r.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUpdateException() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ExceptionPatch }) => api.patch<ShippingException>(`/api/v1/exceptions/${encodeURIComponent(id)}`, body), onSuccess: invalidate });
}

const SHIPPABLE = ['confirmed', 'in_fulfilment', 'partially_shipped'] as const;
type OrderRow = { id: string; number: string | null; customerId: string; customerName: string | null; status: string; promisedDate: string };

/** Orders that can ship (confirmed, in fulfilment, partly shipped), by number or customer; optionally one customer's only. */
export function useShippableOrders(q: string, customerId: string) {
  return useQuery({
    queryKey: ['orders', 'shippable', q, customerId],
    queryFn: async () => {
      const pages = await Promise.all(SHIPPABLE.map((status) => api.get<{ items: OrderRow[] }>('/api/v1/orders', { q, customerId, status, limit: 50 })));
      return pages.flatMap((p) => p.items).sort((a, b) => a.promisedDate.localeCompare(b.promisedDate));
    },
    placeholderData: keepPreviousData,
  });
}

export type Packages = z.infer<typeof packagesResponse>;
export type PackagesInput = z.input<typeof packagesBody>;
export type PickList = z.infer<typeof pickListSchema>;

export function useCancelShipment(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (reason: string | null) => api.post<Shipment>(`${path(id)}/cancel`, { reason }), onSuccess: invalidate });
}

export function usePackages(id: string, enabled = true) {
  return useQuery({ queryKey: [...shipmentKeys.detail(id), 'packages'], queryFn: () => api.get<Packages>(`${path(id)}/packages`), enabled });
}

export function useSavePackages(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: PackagesInput) => api.put<Packages>(`${path(id)}/packages`, body), onSuccess: invalidate });
}

export function usePickList(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...shipmentKeys.detail(id), 'pick-list'], queryFn: () => api.get<PickList>(`${path(id)}/pick-list`), enabled });
}

/** The delivery note (送货单) PDF in the UI language; the server words a failure (e.g. no CJK font). */
export const deliveryNote = (id: string, locale: string) => api.download(`${path(id)}/delivery-note.pdf`, { locale });

export type ShipmentNotice = z.infer<typeof shipmentNoticeSchema>;

/** Notices sent to the customer about the shipment, with their delivery state (refreshed while any is pending). */
export function useShipmentNotices(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...shipmentKeys.detail(id), 'notices'],
    queryFn: () => api.get<{ items: ShipmentNotice[] }>(`${path(id)}/notices`),
    select: (r) => r.items,
    enabled,
    refetchInterval: (q) => (q.state.data?.items.some((n) => n.state === 'pending') ? 5_000 : false),
  });
}

/** Tells the customer about a delivery exception with the shipment.delayed templates; answers how many notices were queued. */
export function useNotifyCustomer() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, note }: { id: string; note: string | null }) => api.post<{ exception: ShippingException; notices: number }>(`/api/v1/exceptions/${encodeURIComponent(id)}/notify-customer`, { note }), onSuccess: invalidate });
}

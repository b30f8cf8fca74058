import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChangeRequest,
  communicationCreateBody,
  communicationSchema,
  Customer,
  CustomerCreate,
  customerCreated,
  customerListItem,
  CustomerPatch,
  customerStatuses,
  customerTiers,
  duplicateCheckBody,
  duplicateMatch,
  historyEntry,
} from '../../../contracts/customers.ts';
import { api } from '../../lib/api.ts';
import { useCursorList, type CursorPage } from '../../lib/cursor-list.ts';

export type { ChangeRequest, Customer, CustomerCreate, CustomerPatch };
export type CustomerListItem = z.infer<typeof customerListItem>;
export type CustomerCreated = z.infer<typeof customerCreated>;
export type DuplicateMatch = z.infer<typeof duplicateMatch>;
export type DuplicateCheck = z.infer<typeof duplicateCheckBody>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type Communication = z.infer<typeof communicationSchema>;
export type CommunicationCreate = z.input<typeof communicationCreateBody>;
export type CustomerTier = (typeof customerTiers)[number];
export type CustomerStatus = (typeof customerStatuses)[number];

export interface CustomerFilters {
  q: string;
  tier: '' | CustomerTier;
  status: '' | CustomerStatus;
  province: string;
  ownerId: string;
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (f: CustomerFilters) => [...customerKeys.all, 'list', f] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  history: (id: string) => [...customerKeys.all, 'history', id] as const,
  communications: (id: string) => [...customerKeys.all, 'communications', id] as const,
  search: (q: string) => [...customerKeys.all, 'search', q] as const,
  duplicates: (body: DuplicateCheck) => [...customerKeys.all, 'duplicates', body] as const,
  changeRequests: (state: string, customerId?: string) => [...customerKeys.all, 'change-requests', state, customerId ?? ''] as const,
};

const path = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;

/** The filtered customer list, one cursor page at a time ("load more"). */
export function useCustomerList(filters: CustomerFilters) {
  return useCursorList<CustomerListItem>(customerKeys.list(filters), '/api/v1/customers', filters);
}

/** Customers matching a search, for pickers (first 20). */
export function useCustomerSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: customerKeys.search(q),
    queryFn: () => api.get<CursorPage<CustomerListItem>>('/api/v1/customers', { q, limit: 20 }),
    select: (p) => p.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({ queryKey: customerKeys.detail(id ?? ''), queryFn: () => api.get<Customer>(path(id!)), enabled: !!id });
}

export function useCustomerHistory(id: string) {
  return useQuery({ queryKey: customerKeys.history(id), queryFn: () => api.get<{ items: HistoryEntry[] }>(`${path(id)}/history`), select: (r) => r.items });
}

/** Possible duplicates of what is being typed; the caller debounces the input. */
export function useDuplicateCheck(body: DuplicateCheck, enabled: boolean) {
  return useQuery({
    queryKey: customerKeys.duplicates(body),
    queryFn: () => api.post<{ matches: DuplicateMatch[] }>('/api/v1/customers/duplicates', body),
    select: (r) => r.matches,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useCreateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerCreate) => api.post<CustomerCreated>('/api/v1/customers', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useUpdateCustomer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: CustomerPatch) => api.patch<Customer>(path(id), patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useCommunications(customerId: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.communications(customerId),
    queryFn: ({ pageParam }) => api.get<CursorPage<Communication>>('/api/v1/communications', { customerId, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateCommunication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommunicationCreate) => api.post<Communication>('/api/v1/communications', body),
    // The history tab shows the logged communication too.
    onSuccess: (c) => Promise.all([qc.invalidateQueries({ queryKey: customerKeys.communications(c.customerId) }), qc.invalidateQueries({ queryKey: customerKeys.history(c.customerId) })]),
  });
}

/** Change requests (the approver's inbox with `pending`, or one customer's). */
export function useChangeRequests(state: ChangeRequest['state'], customerId?: string, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: customerKeys.changeRequests(state, customerId),
    queryFn: () => api.get<{ items: ChangeRequest[] }>('/api/v1/customer-change-requests', { state, customerId }),
    select: (r) => r.items,
    ...opts,
  });
}

export function useDecideChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, comment }: { id: string; approve: boolean; comment: string | null }) =>
      api.post<ChangeRequest>(`/api/v1/customer-change-requests/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, approve ? { comment } : { comment: comment ?? '' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

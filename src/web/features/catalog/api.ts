import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { makeOrBuyValues, priceListCreateBody, priceListPatchBody, priceListSchema, Product, productCreateBody, productPatchBody } from '../../../contracts/catalog.ts';
import { api } from '../../lib/api.ts';
import { useCursorList, type CursorPage } from '../../lib/cursor-list.ts';

export type { Product };
export type ProductCreate = z.input<typeof productCreateBody>;
export type ProductPatch = z.input<typeof productPatchBody>;
export type MakeOrBuy = (typeof makeOrBuyValues)[number];
export type PriceList = z.infer<typeof priceListSchema>;
export type PriceListCreate = z.input<typeof priceListCreateBody>;

export interface ProductFilters {
  q: string;
  category: string;
  makeOrBuy: '' | MakeOrBuy;
  active: '' | 'true' | 'false';
}

export const productKeys = {
  all: ['products'] as const,
  list: (f: ProductFilters) => [...productKeys.all, 'list', f] as const,
  search: (q: string) => [...productKeys.all, 'search', q] as const,
  detail: (id: string) => [...productKeys.all, 'detail', id] as const,
  priceLists: () => [...productKeys.all, 'price-lists'] as const,
};

const path = (id: string) => `/api/v1/products/${encodeURIComponent(id)}`;

export function useProductList(filters: ProductFilters) {
  return useCursorList<Product>(productKeys.list(filters), '/api/v1/products', filters);
}

/** Active products matching a search (SKU or name), for pickers (first 20). */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: productKeys.search(q),
    queryFn: () => api.get<CursorPage<Product>>('/api/v1/products', { q, active: 'true', limit: 20 }),
    select: (p) => p.items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useProduct(id: string | undefined) {
  return useQuery({ queryKey: productKeys.detail(id ?? ''), queryFn: () => api.get<Product>(path(id!)), enabled: !!id, staleTime: 60_000 });
}

/** Several products by id (order lines need each one's unit, decimals and spec options). */
export function useProducts(ids: string[]): Map<string, Product> {
  const unique = [...new Set(ids.filter(Boolean))];
  const results = useQueries({ queries: unique.map((id) => ({ queryKey: productKeys.detail(id), queryFn: () => api.get<Product>(path(id)), staleTime: 60_000 })) });
  const map = new Map<string, Product>();
  results.forEach((r) => r.data && map.set(r.data.id, r.data));
  return map;
}

export function useCreateProduct() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ProductCreate) => api.post<Product>('/api/v1/products', body), onSuccess: () => qc.invalidateQueries({ queryKey: productKeys.all }) });
}

export function useUpdateProduct(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (patch: ProductPatch) => api.patch<Product>(path(id), patch), onSuccess: () => qc.invalidateQueries({ queryKey: productKeys.all }) });
}

export function usePriceLists(enabled = true) {
  return useQuery({ queryKey: productKeys.priceLists(), queryFn: () => api.get<{ items: PriceList[] }>('/api/v1/price-lists'), select: (r) => r.items, enabled });
}

/** Changes a list in place; `items` replaces all its prices. */
export function useUpdatePriceList() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: z.input<typeof priceListPatchBody> }) => api.patch<PriceList>(`/api/v1/price-lists/${encodeURIComponent(id)}`, patch), onSuccess: () => qc.invalidateQueries({ queryKey: productKeys.priceLists() }) });
}

export function useCreatePriceList() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: PriceListCreate) => api.post<PriceList>('/api/v1/price-lists', body), onSuccess: () => qc.invalidateQueries({ queryKey: productKeys.priceLists() }) });
}

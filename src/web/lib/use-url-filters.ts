import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Reads one filter from its raw URL value; anything it does not accept becomes '' (no filter). */
type Parser<T extends string> = (raw: string) => T;
type FilterSpec = Record<string, Parser<string>>;
/** The filters a spec describes: one field a URL parameter, '' meaning "not filtered". */
export type FiltersOf<S extends FilterSpec> = { [K in keyof S]: ReturnType<S[K]> };

export const text: Parser<string> = (v) => v;
export const oneOf =
  <T extends string>(allowed: readonly T[]): Parser<'' | T> =>
  (v) =>
    (allowed as readonly string[]).includes(v) ? (v as T) : '';
export const isoDate: Parser<string> = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
/** A checkbox filter: on only as `true`. */
export const flag: Parser<'' | 'true'> = (v) => (v === 'true' ? 'true' : '');
/** A yes/no/either filter. */
export const yesNo = oneOf(['true', 'false'] as const);

/**
 * A list's filters kept in the URL, so a reload or a shared link shows the same list. Values
 * are re-validated on every read: a hand-edited link cannot put an unknown status in a query.
 */
export function useUrlFilters<S extends FilterSpec>(spec: S) {
  const [params, setParams] = useSearchParams();
  const keys = Object.keys(spec) as (keyof S & string)[];
  const filters = Object.fromEntries(keys.map((k) => [k, spec[k]!(params.get(k) ?? '')])) as FiltersOf<S>;
  /** Whether the list opened without any filter in its link (a saved default view may then apply). */
  const [openedBare] = useState(() => !keys.some((k) => params.get(k)));
  /** Replaces all filters at once (a saved view, "clear filters"); stable across renders. */
  const replace = useCallback((query: Record<string, string>) => setParams(new URLSearchParams(query), { replace: true }), [setParams]);
  return {
    filters,
    filtered: keys.some((k) => filters[k]),
    openedBare,
    replace,
    clear: () => replace({}),
    /** Sets or (with '') removes some filters, keeping the others and any other parameter. */
    setFilters(patch: Partial<Record<keyof S & string, string>>) {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v as string);
        else next.delete(k);
      }
      setParams(next, { replace: true });
    },
  };
}

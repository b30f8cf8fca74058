import { Button, Card, Empty, Input, Select, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../error-alert.tsx';

/** The parts of a cursor-paged infinite query ("load more") that a list shows. */
export interface CursorList<T> {
  data?: { pages: { items: T[] }[] };
  error: Error | null;
  isPending: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isPlaceholderData: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The rows loaded so far, all pages in order. */
export const rowsOf = <T,>(list: CursorList<T>): T[] => list.data?.pages.flatMap((p) => p.items) ?? [];

interface FilteredListBase<T> {
  list: CursorList<T>;
  columns: TableColumnsType<T>;
  /** Above the filter bar: status tabs, a section nav. */
  head?: ReactNode;
  /** The filter bar's controls. */
  filters: ReactNode;
  /** The foot's "N shown" text; without it the foot shows only "load more", when there is more. */
  count?: (n: number) => string;
  /** Where a double-clicked row leads. */
  rowLink?: (row: T) => string;
  /** A failed row action (approve, delete…), shown under the list's own load error. */
  actionError?: unknown;
  empty: ReactNode;
  testId?: string;
}
/** Rows are keyed by their `id`; rows without one (a product in a warehouse) name their key. */
type FilteredListProps<T> = FilteredListBase<T> & (T extends { id: string } ? { rowKey?: (row: T) => string } : { rowKey: (row: T) => string });

const idOf = (row: object) => (row as { id: string }).id;

/**
 * A filtered, cursor-paged list in a card: filter bar, the load error, a dense table (dimmed
 * while other filters load, the old rows kept) and the foot with the count and "load more".
 */
export function FilteredList<T extends object>({ list, columns, head, filters, count, rowLink, rowKey, actionError, empty, testId }: FilteredListProps<T>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = rowsOf(list);
  return (
    <Card size="small">
      {head}
      <div className="gd-filter-bar">{filters}</div>
      {[list.error, actionError].map((e, i) => (e ? <ErrorAlert key={i} error={e} style={{ marginBottom: 12 }} /> : null))}
      <Table<T>
        size="small"
        rowKey={(rowKey as ((row: T) => string) | undefined) ?? idOf}
        columns={columns}
        dataSource={rows}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={rowLink && ((r) => ({ onDoubleClick: () => void navigate(rowLink(r)) }))}
        locale={{ emptyText: empty }}
        data-testid={testId}
      />
      {(count || list.hasNextPage) && (
        <div className="gd-table-foot">
          {count && <span>{count(rows.length)}</span>}
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

/**
 * The empty table: with filters, says so and offers to clear them; without, says the list is
 * empty and offers the ways to fill it (`children`).
 */
export function ListEmpty({ filtered, onClear, filteredText, text, children }: { filtered: boolean; onClear: () => void; filteredText: string; text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filteredText}>
      <Button onClick={onClear}>{t('common.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {children}
    </Empty>
  );
}

/** The search box of a filter bar: runs on Enter or the button, shows the URL's value after a reload. */
export function SearchFilter({ value, onSearch, placeholder, width, testId }: { value: string; onSearch: (q: string) => void; placeholder: string; width: number; testId?: string }) {
  return <Input.Search key={value} defaultValue={value} placeholder={placeholder} allowClear onSearch={(v) => onSearch(v.trim())} style={{ width, maxWidth: '100%' }} data-testid={testId} />;
}

/** A clearable choice of one value in a filter bar; '' (cleared) means not filtered. */
export function SelectFilter({ value, onChange, options, placeholder, width }: { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder: string; width: number }) {
  return <Select value={value || undefined} onChange={(v?: string) => onChange(v ?? '')} placeholder={placeholder} allowClear options={options} style={{ width }} />;
}

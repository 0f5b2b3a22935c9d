// What every ledger page shares: filters with paging, the list query, the table's pagination, and
// the export of the current filter to .xlsx.
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'react-router-dom';
import { download, get, query } from '../api.ts';
import { errorText } from './ErrorNotice.tsx';

export type Filters = Record<string, string | number | undefined>;

/** `measure` names what is counted in "共 N 件". */
export function useLedger<T>(url: string, measure = '件', fixed: Filters = {}) {
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const params = { ...filters, ...fixed };
  const list = useQuery({ queryKey: [url, params], queryFn: () => get<{ items: T[]; total: number }>(`${url}${query(params)}`) });
  return {
    filters: params,
    list,
    /** Changes filters and goes back to the first page. */
    set: (patch: Filters) => setFilters({ ...filters, ...patch, page: 1 }),
    pagination: {
      current: Number(filters.page),
      pageSize: Number(filters.pageSize),
      total: list.data?.total,
      showSizeChanger: true,
      showTotal: (t: number) => `共 ${t} ${measure}`,
      onChange: (page: number, pageSize: number) => setFilters({ ...filters, page, pageSize }),
    },
  };
}

/**
 * Filters kept in the URL (reload and Back restore them). A patch starts from the address bar as it
 * is now, not from the last render: the router renders navigations in a transition, so a second
 * change made before that render (pick a filter, then sort at once) would otherwise drop the first.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const patch = (changes: Record<string, string | number | undefined | null>, options: { keepPage?: boolean; replace?: boolean } = {}) => {
    // A page being left (still shown while the next one loads) no longer writes the address: its
    // defaults, set again for the new address's empty filters, would take the user back to it.
    if (window.location.pathname !== pathname) return;
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!options.keepPage) next.delete('page');
    setParams(next, { replace: options.replace });
  };
  /** How a column sorted by `name` shows the address's order (a column the page draws itself, sorted on the server). */
  const sortOrder = (name: string): 'ascend' | 'descend' | null => (params.get('sort') === name ? (params.get('order') === 'desc' ? 'descend' : 'ascend') : null);
  return { params, patch, sortOrder, clear: () => setParams(new URLSearchParams()) };
}

export function ExportButton({ url, filters, filename }: { url: string; filters: Filters; filename: string }) {
  const { message } = App.useApp();
  return (
    <Button size="small" icon={<DownloadOutlined />} onClick={() => download(`${url}${query({ ...filters, page: undefined, pageSize: undefined })}`, filename).catch((e) => message.error(errorText(e)))}>
      导出 Excel
    </Button>
  );
}

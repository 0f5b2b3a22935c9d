// What every ledger page shares: filters with paging, the list query, the table's pagination, and
// the export of the current filter to .xlsx.
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
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

export function ExportButton({ url, filters, filename }: { url: string; filters: Filters; filename: string }) {
  const { message } = App.useApp();
  return (
    <Button size="small" icon={<DownloadOutlined />} onClick={() => download(`${url}${query({ ...filters, page: undefined, pageSize: undefined })}`, filename).catch((e) => message.error(errorText(e)))}>
      导出 Excel
    </Button>
  );
}

// Picks any record the user may read, found by global search (案号、编号、标题、当事人、单位名称):
// the value is "type:id", the options grouped by record type.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api.ts';
import type { SearchResult } from '../../shared/schemas/search.ts';

export const pickedRecord = (value: string | undefined) => {
  if (!value) return null;
  const at = value.indexOf(':');
  return { type: value.slice(0, at), id: value.slice(at + 1) };
};

/** `id` and `value`/`onChange` come from the Form.Item around it (the label points at the id). */
export function RecordPicker({ id, value, onChange, placeholder = '输入案号、编号或标题搜索' }: { id?: string; value?: string; onChange?: (value: string | undefined) => void; placeholder?: string }) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // A request per pause in typing, not per key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({ queryKey: ['/search', 'picker', q], enabled: q.length > 0, queryFn: () => get<SearchResult>(`/search${query({ q, limit: 8 })}`) });
  const options = (found.data?.groups ?? []).map((g) => ({
    label: g.title,
    title: g.title,
    options: g.items.map((h) => ({ value: `${g.type}:${h.id}`, label: [h.caseNumber ?? h.ref, h.title].filter(Boolean).join(' ') })),
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setTyped}
      loading={found.isFetching}
      placeholder={placeholder}
      notFoundContent={q ? (found.isFetching ? '搜索中…' : '没有找到可关联的记录') : '输入关键词开始搜索'}
      options={options}
    />
  );
}

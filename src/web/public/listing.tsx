// What the portal's searchable lists share (规范性文件库, 事项清单, 执法决定公示): the filter kept in
// the address, a keyword box that searches on Enter or on leaving it, a unit select, the line that
// says how many there are, and the pager.
import { useState, type ReactNode } from 'react';
import { navigate, useLocation } from './router.tsx';
import { Problem } from './layout.tsx';
import type { Loaded } from './data.ts';

/** Shows `path` with the filter's non-empty values in the address (Back and a shared link restore it). */
export function showFiltered<F extends object>(path: string, filter: F): void {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, String(v));
  const q = params.toString();
  navigate(q ? `${path}?${q}` : path, { replace: true });
}

/**
 * A list's filter kept in the address: the values of `keys` and the page ('' where absent), a change
 * of one value (back to the first page) and a move to another page.
 */
export function useAddressFilter<K extends string>(path: string, keys: readonly K[]) {
  const { params } = useLocation();
  const filter = Object.fromEntries([...keys, 'page'].map((k) => [k, params.get(k) ?? ''])) as Record<K | 'page', string>;
  return {
    filter,
    change: (key: K, value: string) => showFiltered(path, { ...filter, [key]: value, page: undefined }),
    goPage: (page: number) => showFiltered(path, { ...filter, page: String(page) }),
  };
}

/** A list's filters: a search landmark named `label`, never submitted (each field applies itself). */
export function FilterForm({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  );
}

/** 关键词: searched on Enter (the form's submit) or when the box is left changed. */
export function KeywordField({ value, placeholder, onSearch }: { value: string; placeholder: string; onSearch: (words: string) => void }) {
  const [words, setWords] = useState(value);
  return (
    <div className="field">
      <label htmlFor="filter-q">关键词</label>
      <input id="filter-q" type="text" value={words} maxLength={50} placeholder={placeholder} onChange={(e) => setWords(e.target.value)} onBlur={() => words.trim() !== value && onSearch(words.trim())} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), onSearch(words.trim()))} />
    </div>
  );
}

/** A select of the units that have entries, by code. */
export function UnitField({ label, units, value, onChange }: { label: string; units: readonly { code: string; name: string }[] | undefined; value: string; onChange: (code: string) => void }) {
  return (
    <div className="field">
      <label htmlFor="filter-unit">{label}</label>
      <select id="filter-unit" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">全部单位</option>
        {(units ?? []).map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
      </select>
    </div>
  );
}

/** 上一页 / 下一页 of a paged answer, when it has more than one page. */
export function Pager({ answer, go }: { answer: { page: number; pageSize: number; total: number } | undefined; go: (page: number) => void }) {
  const pages = answer ? Math.ceil(answer.total / answer.pageSize) : 0;
  if (!answer || pages <= 1) return null;
  const link = (page: number, text: string) => <a className="button" href="#" onClick={(e) => { e.preventDefault(); go(page); }}>{text}</a>;
  return (
    <nav aria-label="分页" className="downloads">
      {answer.page > 1 && link(answer.page - 1, '上一页')}
      <span>{`第 ${answer.page} / ${pages} 页`}</span>
      {answer.page < pages && link(answer.page + 1, '下一页')}
    </nav>
  );
}

/**
 * The line under a list's filters: 正在加载…, then 共 N <measure> (or `none` where there are none and
 * it says so), and a failure to load (暂时无法读取<what>). Always there, so that a screen reader
 * announces the new count when a filter changes.
 */
export function ListStatus<T>({ answer, count, measure, none, what }: { answer: Loaded<T>; count: (data: T) => number; measure: string; none?: string; what: string }) {
  const n = answer.data === undefined ? null : count(answer.data);
  return (
    <>
      <p className="status" role="status">
        {answer.loading ? '正在加载…' : n === null ? '' : n === 0 && none ? none : `共 ${n} ${measure}`}
      </p>
      {answer.error && <Problem>暂时无法读取{what}：{answer.error.message}</Problem>}
    </>
  );
}

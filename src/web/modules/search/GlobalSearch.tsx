// The top bar's search box: a few matches per record type while typing, Enter for all of them.
// "/" anywhere outside a text field puts the cursor here.
import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Tag, type InputRef } from 'antd';
import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { get, query } from '../../api.ts';
import type { SearchResult } from '../../../shared/schemas/search.ts';

const typing = (el: Element | null) => !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el as HTMLElement).isContentEditable);

/** The query after the user stopped typing for a moment (one request per pause, not per key). */
function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** On a phone the top bar has room for an icon only: it opens the search page, whose box takes the full width. */
export function GlobalSearch({ narrow }: { narrow: boolean }) {
  return narrow ? <SearchButton /> : <SearchBox width={320} />;
}

function SearchButton() {
  const navigate = useNavigate();
  return (
    <button type="button" className="header-button" aria-label="全局搜索" onClick={() => navigate('/search')}>
      <SearchOutlined style={{ color: '#fff', fontSize: 18 }} />
    </button>
  );
}

function SearchBox({ width }: { width: number }) {
  const navigate = useNavigate();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const q = useSettled(text.trim());
  const found = useQuery({ queryKey: ['search', q, 5], queryFn: () => get<SearchResult>(`/search${query({ q, limit: 5 })}`), enabled: q.length > 0, staleTime: 10_000 });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !typing(document.activeElement)) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Only the matches of what the box holds now: for the moment between a key (or a paste) and the
  // request for the new term, the previous term's matches would still be up, and a mouse resting on
  // the list or a quick ↓ Enter would open one of them.
  const term = text.trim();
  const current = term.length > 0 && q === term && found.data?.q === term;
  const options = (current ? found.data!.groups : []).map((g) => ({
    label: (
      <span>
        {g.title} <span style={{ color: '#8c8c8c' }}>{g.total > 100 ? '100+' : g.total} 条</span>
      </span>
    ),
    options: g.items.map((item) => ({
      value: item.link,
      // Two lines: the title gets the full width (on one line the number, status and unit left it
      // two or three characters).
      label: (
        <div style={{ minWidth: 0 }} title={item.title}>
          <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{item.title}</div>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', fontSize: 12, color: '#8c8c8c', whiteSpace: 'nowrap' }}>
            {item.caseNumber && <span style={{ color: '#595959' }}>{item.caseNumber}</span>}
            {item.statusLabel && <Tag style={{ marginInlineEnd: 0, fontSize: 12, lineHeight: '18px' }}>{item.statusLabel}</Tag>}
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{item.unitName}</span>
          </div>
        </div>
      ),
    })),
  }));
  const showAll = (value: string) => {
    if (!value.trim()) return;
    navigate(`/search${query({ q: value.trim() })}`);
    // After the list has seen this Enter: it locks Enter until the key comes up or the box loses
    // focus, and the key comes up outside a box that lost focus first (the next ↓ Enter did nothing).
    setTimeout(() => input.current?.blur());
  };
  return (
    <AutoComplete
      style={{ width }}
      options={options}
      value={text}
      onChange={setText}
      onSelect={(link: string) => {
        setText('');
        navigate(link);
      }}
      popupMatchSelectWidth={Math.max(width, 420)}
      listHeight={440}
      classNames={{ popup: { root: 'global-search-popup' } }}
      // Enter opens all results; ↓ then Enter opens one record.
      defaultActiveFirstOption={false}
      notFoundContent={current ? '没有找到匹配的记录' : term ? '正在搜索…' : null}
    >
      <Input.Search
        ref={input}
        size="middle"
        allowClear
        placeholder="搜索案号、编号、标题、当事人、单位（/）"
        aria-label="全局搜索"
        data-testid="global-search"
        // Not Input.Search's `loading`: it ignores Enter while a request is in flight, and the
        // request for what was just typed starts 250 ms after the last key.
        suffix={<LoadingOutlined style={{ visibility: found.isFetching ? 'visible' : 'hidden' }} aria-hidden />}
        onSearch={(value, _event, info) => {
          // With an option highlighted in this box's open list, Enter opens that record (AutoComplete's onSelect).
          if (info?.source === 'input' && document.querySelector('.global-search-popup:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')) return;
          showAll(value);
        }}
      />
    </AutoComplete>
  );
}

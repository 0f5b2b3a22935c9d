// 政务服务事项清单: the items in the list today, searched by name or code, filtered by unit; each with
// its limits and flags, and a link to rate it (好差评). The filter lives in the address.
import { useState } from 'react';
import { HOME, PortalPage, Problem } from '../layout.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { RATE_PATH, SERVICES_PATH, servicesUrl, type PublicServiceList, type ServiceFilter } from './api.ts';

function go(filter: ServiceFilter) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const q = params.toString();
  navigate(q ? `${SERVICES_PATH}?${q}` : SERVICES_PATH, { replace: true });
}

function Filters({ filter, list }: { filter: ServiceFilter; list: PublicServiceList | undefined }) {
  const [words, setWords] = useState(filter.q ?? '');
  const change = (key: keyof ServiceFilter, value: string) => go({ ...filter, [key]: value, page: undefined });
  return (
    <form className="filters" role="search" aria-label="检索政务服务事项" onSubmit={(e) => { e.preventDefault(); change('q', words.trim()); }}>
      <div className="field">
        <label htmlFor="filter-q">关键词</label>
        <input id="filter-q" type="text" value={words} maxLength={50} placeholder="事项名称或编码" onChange={(e) => setWords(e.target.value)} onBlur={() => words.trim() !== (filter.q ?? '') && change('q', words.trim())} />
      </div>
      <div className="field">
        <label htmlFor="filter-unit">实施单位</label>
        <select id="filter-unit" value={filter.unit ?? ''} onChange={(e) => change('unit', e.target.value)}>
          <option value="">全部单位</option>
          {(list?.units ?? []).map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
        </select>
      </div>
    </form>
  );
}

const days = (n: number | null) => (n === null ? '无' : n === 0 ? '即办' : `${n} 个工作日`);

export default function ServicesPage() {
  const { params } = useLocation();
  const filter: ServiceFilter = { q: params.get('q') ?? '', unit: params.get('unit') ?? '', page: params.get('page') ?? '' };
  const answer = usePublicApi<PublicServiceList>(servicesUrl(filter));
  const data = answer.data;
  const pages = data ? Math.ceil(data.total / data.pageSize) : 0;
  return (
    <PortalPage title="政务服务事项清单" trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">县政府各部门、乡镇（街道）依法实施的政务服务事项，列明法定办结时限和承诺办结时限（工作日）以及“最多跑一次”、网上可办、“零跑腿”等服务方式。办理完成后，欢迎<Link to={RATE_PATH}>对政务服务进行评价</Link>；差评将由实施单位回访、整改。</p>
      <Filters key={filter.q} filter={filter} list={data} />
      <p className="status" role="status">
        {answer.loading ? '正在加载…' : data ? (data.total ? `共 ${data.total} 项` : '没有符合条件的事项') : ''}
      </p>
      {answer.error && <Problem>暂时无法读取事项清单：{answer.error.message}</Problem>}
      <ul className="item-list">
        {(data?.items ?? []).map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>
            <span className="item-meta">
              {[s.unitName, s.kind, `事项编码 ${s.code}`, `法定时限 ${days(s.statutoryDays)}`, `承诺时限 ${days(s.promisedDays)}`, ...s.flags].join(' · ')}
            </span>
            <span className="item-meta">
              <Link to={`${RATE_PATH}?choice=${encodeURIComponent(s.id)}`}>评价该事项</Link>
            </span>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label="分页" className="downloads">
          {data!.page > 1 && <a className="button" href="#" onClick={(e) => { e.preventDefault(); go({ ...filter, page: String(data!.page - 1) }); }}>上一页</a>}
          <span>{`第 ${data!.page} / ${pages} 页`}</span>
          {data!.page < pages && <a className="button" href="#" onClick={(e) => { e.preventDefault(); go({ ...filter, page: String(data!.page + 1) }); }}>下一页</a>}
        </nav>
      )}
    </PortalPage>
  );
}

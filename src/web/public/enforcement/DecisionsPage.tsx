// 行政执法决定公示: the decisions the bodies disclosed (and have not withdrawn), newest first, a
// natural person's name masked; filtered by body, the filter and page in the address.
import { HOME, PortalPage } from '../layout.tsx';
import { Link, useLocation } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { FilterForm, ListStatus, Pager, showFiltered } from '../listing.tsx';
import { DECISIONS_PATH, ENFORCEMENT_PATH, type PublicBodySummary, type PublicDecisionPage } from './api.ts';

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;

const go = (body: string, page?: number) => showFiltered(DECISIONS_PATH, { body, page: page && page > 1 ? String(page) : undefined });

export default function DecisionsPage() {
  const { params } = useLocation();
  const body = params.get('body') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const bodies = usePublicApi<{ items: PublicBodySummary[] }>('/public/enforcement-bodies');
  const query = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (body) query.set('bodyId', body);
  const list = usePublicApi<PublicDecisionPage>(`/public/enforcement-decisions?${query}`);
  const data = list.data;
  return (
    <PortalPage title="行政执法决定公示" trail={[{ label: '首页', to: HOME }, { label: '行政执法公示', to: ENFORCEMENT_PATH }]}>
      <p className="lead">依据国办发〔2018〕118号，行政处罚、行政许可决定自作出之日起7个工作日内公开，其他行政执法决定自作出之日起20个工作日内公开；决定被依法撤销、确认违法或者要求重新作出的，撤下原决定信息。自然人当事人的姓名隐去部分字符。</p>
      <FilterForm label="筛选执法决定">
        <div className="field">
          <label htmlFor="filter-body">执法主体</label>
          <select id="filter-body" value={body} onChange={(e) => go(e.target.value)}>
            <option value="">全部执法主体</option>
            {(bodies.data?.items ?? []).map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </div>
      </FilterForm>
      <ListStatus answer={list} count={(d) => d.total} measure="件" none="没有公示中的执法决定" what="执法决定" />
      <ul className="item-list">
        {(data?.items ?? []).map((d) => (
          <li key={d.id}>
            <strong>{`${d.kind}决定：${d.party}`}</strong>
            <span className="item-meta">
              {[<Link key="body" to={`${ENFORCEMENT_PATH}/${encodeURIComponent(d.bodyId)}`}>{d.bodyName}</Link>, d.decisionNumber && ` · ${d.decisionNumber}`, d.decidedDate && ` · 决定日期 ${d.decidedDate}`, d.disclosedDate && ` · 公示日期 ${d.disclosedDate}`]}
            </span>
            {d.outcome && <p>{`决定结果：${d.outcome}${d.penaltyAmountFen ? `（罚没金额 ${yuan(d.penaltyAmountFen)}）` : ''}`}</p>}
            {d.decision && <p>{`决定内容：${d.decision}`}</p>}
            {d.basis && <p className="item-meta">{`依据：${d.basis}`}</p>}
          </li>
        ))}
      </ul>
      <Pager answer={data} go={(page) => go(body, page)} />
    </PortalPage>
  );
}

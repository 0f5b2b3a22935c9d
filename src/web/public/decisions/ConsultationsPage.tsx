// 重大行政决策公开征求意见: the drafts open for comment now, each with its countdown, and those whose
// period is over (with 意见采纳情况 once published); a link to the year's catalog.
import { HOME, PortalPage, Problem } from '../layout.tsx';
import { Link } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { CATALOG_PATH, DECISIONS_PATH, type ConsultationSummary } from './api.ts';

function Item({ c }: { c: ConsultationSummary }) {
  return (
    <li>
      <Link to={`${DECISIONS_PATH}/${encodeURIComponent(c.id)}`}><strong>{c.title}</strong></Link>
      <span className="item-meta">{`${c.unitName} · 征求意见 ${c.commentStart} 至 ${c.commentEnd}`}</span>
      <p>
        {c.daysLeft !== null ? <strong className="countdown">{`距截止还有 ${c.daysLeft} 天`}</strong> : c.summaryDate ? `已于 ${c.summaryDate} 公布意见采纳情况（收到意见 ${c.comments} 条）` : '征求意见已截止，意见采纳情况整理中'}
      </p>
    </li>
  );
}

export default function ConsultationsPage() {
  const list = usePublicApi<{ open: ConsultationSummary[]; closed: ConsultationSummary[] }>('/public/decision-consultations');
  return (
    <PortalPage title="重大行政决策公开征求意见" trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">
        依据《重大行政决策程序暂行条例》，决策草案及其说明向社会公开征求意见，期限一般不少于30日；征求意见结束后公布意见采纳情况。查看<Link to={CATALOG_PATH}>年度重大行政决策事项目录</Link>。
      </p>
      {list.error && <Problem>暂时无法读取：{list.error.message}</Problem>}
      <h2>正在征求意见</h2>
      <p className="status" role="status">{list.loading ? '正在加载…' : list.data && !list.data.open.length ? '目前没有正在征求意见的决策草案' : ''}</p>
      <ul className="item-list">{(list.data?.open ?? []).map((c) => <Item key={c.id} c={c} />)}</ul>
      <h2>已结束征求意见</h2>
      <ul className="item-list">{(list.data?.closed ?? []).map((c) => <Item key={c.id} c={c} />)}</ul>
    </PortalPage>
  );
}

// One draft decision: its text and explanation, the period with its countdown and the comment form
// while it runs; the hearings and meetings held; after the period, how each comment was handled.
import { HOME, Loading, PortalPage, Problem } from '../layout.tsx';
import { Link, type PageProps } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { COMMENT_PATH, DECISIONS_PATH, type Consultation } from './api.ts';

export default function ConsultationPage({ params }: PageProps) {
  const page = usePublicApi<Consultation>(`/public/decision-consultations/${encodeURIComponent(params.id ?? '')}`);
  const c = page.data;
  const trail = [{ label: '首页', to: HOME }, { label: '公开征求意见', to: DECISIONS_PATH }];
  if (page.error) return <PortalPage title="决策草案" trail={trail}><Problem>{page.error.message}</Problem></PortalPage>;
  if (!c) return <PortalPage title="决策草案" trail={trail}><Loading /></PortalPage>;
  return (
    <PortalPage title={c.title} trail={trail}>
      <p className="item-meta">{`起草单位：${c.unitName} · 征求意见期间：${c.commentStart} 至 ${c.commentEnd}`}</p>
      {c.open ? (
        <p className="lead">
          <strong className="countdown">{`距征求意见截止还有 ${c.daysLeft} 天`}</strong>　
          <Link className="button" to={`${COMMENT_PATH}?choice=${encodeURIComponent(c.id)}`}>发表意见</Link>
        </p>
      ) : (
        <p className="lead">征求意见已截止。</p>
      )}
      {c.shortReason && <p className="item-meta">{`征求意见期限少于30日的理由：${c.shortReason}`}</p>}
      <h2>决策草案及说明</h2>
      <div className="doc">{(c.draftText ?? '').split('\n').map((line, i) => (line ? <p key={i}>{line}</p> : null))}</div>
      {c.events.length > 0 && (
        <>
          <h2>听证会、座谈会、论证会</h2>
          <ul className="item-list">{c.events.map((e, i) => <li key={i}>{`${e.date} ${e.kind}${e.participants ? `，${e.participants} 人参加` : ''}`}</li>)}</ul>
        </>
      )}
      <h2>意见采纳情况</h2>
      {c.summary ? (
        <>
          <p>{`共收到意见 ${c.commentsReceived} 条，采纳 ${c.summary.adopted} 条、部分采纳 ${c.summary.partly} 条、不采纳 ${c.summary.rejected} 条（${c.summary.date} 公布）。`}</p>
          <table className="data-table">
            <caption className="visually-hidden">意见采纳情况</caption>
            <thead><tr><th scope="col">序号</th><th scope="col">意见</th><th scope="col">采纳情况</th><th scope="col">理由</th></tr></thead>
            <tbody>
              {c.summary.items.map((i) => (
                <tr key={i.no}><td>{i.no}</td><td>{i.content}</td><td>{i.answer}</td><td>{i.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{c.open ? '征求意见结束后公布意见采纳情况。' : '意见采纳情况整理中。'}</p>
      )}
      {c.decision && <p className="item-meta">{`已于 ${c.decision.decidedDate} 作出决策${c.decision.publishedDate ? `，${c.decision.publishedDate} 通过${c.decision.publication ?? ''}公布` : ''}。`}</p>}
    </PortalPage>
  );
}

// One body's public enforcement information: its kind and basis, its powers (赋权事项 with the
// delegating body and date), the four lists and the inspection catalog in force, and its officers
// holding a valid certificate (name and certificate number).
import { ApiError } from '../../api.ts';
import { HOME, Loading, PortalPage, Problem } from '../layout.tsx';
import { Link, type PageProps } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { Facts, officialDate } from '../present.tsx';
import { ENFORCEMENT_PATH, type PublicBody } from './api.ts';

const TRAIL = [
  { label: '首页', to: HOME },
  { label: '行政执法公示', to: ENFORCEMENT_PATH },
];

function Body({ body: b }: { body: PublicBody }) {
  return (
    <>
      <Facts className="doc-meta" items={[['所属单位', b.unitName], ['主体类型', b.kind], ...(b.entrustedBy ? [['委托机关', b.entrustedBy] as [string, string]] : []), ...(b.basis ? [['依据', b.basis] as [string, string]] : [])]} />
      <section aria-labelledby="powers">
        <h2 id="powers">职责权限（{b.powers.length} 项）</h2>
        {b.powers.length ? (
          <ul className="item-list">
            {b.powers.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong>
                <span className="item-meta">
                  {p.category} · 依据：{p.basis}
                  {p.delegatedBy ? ` · 赋权事项：${p.delegatedBy}于${officialDate(p.delegatedDate!)}赋予` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>暂未公示职权事项。</p>
        )}
      </section>
      {b.lists.map((l) => (
        <section key={l.list} aria-labelledby={`list-${l.list}`}>
          <h2 id={`list-${l.list}`}>
            {l.title}（{l.items.length} 项）
          </h2>
          {l.items.length ? (
            <ul className="item-list">
              {l.items.map((i) => (
                <li key={i.id}>
                  <strong>{i.title}</strong>
                  <span className="item-meta">
                    依据：{i.basis}
                    {i.conditions ? ` · 适用条件：${i.conditions}` : ''} · 公布日期：{i.publishedDate}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>无。</p>
          )}
        </section>
      ))}
      <section aria-labelledby="officers">
        <h2 id="officers">持证执法人员（{b.officers.length} 人）</h2>
        {b.officers.length ? (
          <ul className="item-list">
            {b.officers.map((o) => (
              <li key={o.certificateNumber}>
                <strong>{o.name}</strong>
                <span className="item-meta">
                  {o.supervisor ? '执法监督证' : '执法证'}号：{o.certificateNumber} · 有效期至 {o.validUntil}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>暂无持有效执法证的执法人员。</p>
        )}
      </section>
      <p>
        <Link to={ENFORCEMENT_PATH}>返回行政执法公示</Link>
      </p>
    </>
  );
}

const missing = (error: Error | undefined) => error instanceof ApiError && error.status === 404;

export default function EnforcementBodyPage({ params }: PageProps) {
  const body = usePublicApi<PublicBody>(`/public/enforcement-bodies/${encodeURIComponent(params.id ?? '')}`);
  if (body.data) {
    return (
      <PortalPage title={body.data.name} trail={TRAIL}>
        <Body body={body.data} />
      </PortalPage>
    );
  }
  return (
    <PortalPage title={body.loading ? '执法主体' : missing(body.error) ? '执法主体不存在' : '暂时无法读取'} trail={TRAIL}>
      {body.loading ? <Loading /> : <Problem>{missing(body.error) ? '该执法主体不存在。' : body.error?.message}</Problem>}
      <p>
        <Link to={ENFORCEMENT_PATH}>返回行政执法公示</Link>
      </p>
    </PortalPage>
  );
}

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

/** A heading with its count, and the items (a bold title, a line of particulars) or a line saying there are none. */
function Listing({ id, heading, measure = '项', items, none }: { id: string; heading: string; measure?: string; items: { key: string; title: string; meta: string }[]; none: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {heading}（{items.length} {measure}）
      </h2>
      {items.length ? (
        <ul className="item-list">
          {items.map((i) => (
            <li key={i.key}>
              <strong>{i.title}</strong>
              <span className="item-meta">{i.meta}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{none}</p>
      )}
    </section>
  );
}

function Body({ body: b }: { body: PublicBody }) {
  return (
    <>
      <Facts className="doc-meta" items={[['所属单位', b.unitName], ['主体类型', b.kind], ...(b.entrustedBy ? [['委托机关', b.entrustedBy] as [string, string]] : []), ...(b.basis ? [['依据', b.basis] as [string, string]] : [])]} />
      <Listing
        id="powers"
        heading="职责权限"
        none="暂未公示职权事项。"
        items={b.powers.map((p) => ({ key: p.id, title: p.title, meta: `${p.category} · 依据：${p.basis}${p.delegatedBy ? ` · 赋权事项：${p.delegatedBy}于${officialDate(p.delegatedDate!)}赋予` : ''}` }))}
      />
      {b.lists.map((l) => (
        <Listing
          key={l.list}
          id={`list-${l.list}`}
          heading={l.title}
          none="无。"
          items={l.items.map((i) => ({ key: i.id, title: i.title, meta: `依据：${i.basis}${i.conditions ? ` · 适用条件：${i.conditions}` : ''} · 公布日期：${i.publishedDate}` }))}
        />
      ))}
      <Listing
        id="officers"
        heading="持证执法人员"
        measure="人"
        none="暂无持有效执法证的执法人员。"
        items={b.officers.map((o) => ({ key: o.certificateNumber, title: o.name, meta: `${o.supervisor ? '执法监督证' : '执法证'}号：${o.certificateNumber} · 有效期至 ${o.validUntil}` }))}
      />
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

// 行政执法公示: every enforcement body of the county — departments, then towns — with its kind and
// what it publishes (powers, list items in force, officers holding a valid certificate).
import { HOME, PortalPage } from '../layout.tsx';
import { Link } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { ListStatus } from '../listing.tsx';
import { ENFORCEMENT_PATH, type PublicBodySummary } from './api.ts';

function Bodies({ items }: { items: PublicBodySummary[] }) {
  return (
    <ul className="item-list">
      {items.map((b) => (
        <li key={b.id}>
          <Link to={`${ENFORCEMENT_PATH}/${encodeURIComponent(b.id)}`}>{b.name}</Link>
          <span className="item-meta">
            {b.kind}
            {b.entrustedBy ? `（委托机关：${b.entrustedBy}）` : ''} · 职权 {b.powers} 项 · 清单事项 {b.listItems} 项 · 持证执法人员 {b.officers} 人
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function EnforcementBodiesPage() {
  const list = usePublicApi<{ items: PublicBodySummary[] }>('/public/enforcement-bodies');
  const items = list.data?.items ?? [];
  const groups: [string, PublicBodySummary[]][] = [
    ['县直部门', items.filter((b) => !b.town)],
    ['乡镇（街道）', items.filter((b) => b.town)],
  ];
  return (
    <PortalPage title="行政执法公示" trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">依据国办发〔2018〕118号，公示各行政执法主体的职责权限、执法人员，以及不予处罚、从轻处罚、减轻处罚、不予实施行政强制措施事项清单和分类检查事项目录。</p>
      <p>
        各执法主体作出的行政执法决定见<Link to={`${ENFORCEMENT_PATH}/decisions`}>行政执法决定公示</Link>。对行政执法行为有意见，或者发现执法人员违法违纪的，可以<Link to={`${ENFORCEMENT_PATH}/complaint`}>在线投诉举报</Link>，凭查询码查看办理进度。
      </p>
      <ListStatus answer={list} count={(d) => d.items.length} measure="个执法主体" what="执法主体" />
      {groups
        .filter(([, group]) => group.length)
        .map(([title, group]) => (
          <section key={title} aria-label={title}>
            <h2>{title}</h2>
            <Bodies items={group} />
          </section>
        ))}
    </PortalPage>
  );
}

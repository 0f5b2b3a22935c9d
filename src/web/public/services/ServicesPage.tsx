// 政务服务事项清单: the items in the list today, searched by name or code, filtered by unit; each with
// its limits and flags, and a link to rate it (好差评). The filter lives in the address.
import { HOME, PortalPage } from '../layout.tsx';
import { Link, useLocation } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { KeywordField, ListStatus, Pager, UnitField, showFiltered } from '../listing.tsx';
import { RATE_PATH, SERVICES_PATH, servicesUrl, type PublicServiceList, type ServiceFilter } from './api.ts';

const go = (filter: ServiceFilter) => showFiltered(SERVICES_PATH, filter);

function Filters({ filter, list }: { filter: ServiceFilter; list: PublicServiceList | undefined }) {
  const change = (key: keyof ServiceFilter, value: string) => go({ ...filter, [key]: value, page: undefined });
  return (
    <form className="filters" role="search" aria-label="检索政务服务事项" onSubmit={(e) => e.preventDefault()}>
      <KeywordField value={filter.q ?? ''} placeholder="事项名称或编码" onSearch={(words) => change('q', words)} />
      <UnitField label="实施单位" units={list?.units} value={filter.unit ?? ''} onChange={(unit) => change('unit', unit)} />
    </form>
  );
}

const days = (n: number | null) => (n === null ? '无' : n === 0 ? '即办' : `${n} 个工作日`);

export default function ServicesPage() {
  const { params } = useLocation();
  const filter: ServiceFilter = { q: params.get('q') ?? '', unit: params.get('unit') ?? '', page: params.get('page') ?? '' };
  const answer = usePublicApi<PublicServiceList>(servicesUrl(filter));
  const data = answer.data;
  return (
    <PortalPage title="政务服务事项清单" trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">县政府各部门、乡镇（街道）依法实施的政务服务事项，列明法定办结时限和承诺办结时限（工作日）以及“最多跑一次”、网上可办、“零跑腿”等服务方式。办理完成后，欢迎<Link to={RATE_PATH}>对政务服务进行评价</Link>；差评将由实施单位回访、整改。</p>
      <Filters key={filter.q} filter={filter} list={data} />
      <ListStatus answer={answer} count={(d) => d.total} measure="项" none="没有符合条件的事项" what="事项清单" />
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
      <Pager answer={data} go={(page) => go({ ...filter, page: String(page) })} />
    </PortalPage>
  );
}

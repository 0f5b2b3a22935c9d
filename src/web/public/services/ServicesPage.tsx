// 政务服务事项清单: the items in the list today, searched by name or code, filtered by unit; each with
// its limits and flags, and a link to rate it (好差评). The filter lives in the address.
import { HOME, PortalPage } from '../layout.tsx';
import { Link } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { FilterForm, KeywordField, ListStatus, Pager, UnitField, useAddressFilter } from '../listing.tsx';
import { RATE_PATH, SERVICES_PATH, servicesUrl, type PublicServiceList, type ServiceFilter } from './api.ts';

function Filters({ filter, change, list }: { filter: ServiceFilter; change: (key: Exclude<keyof ServiceFilter, 'page'>, value: string) => void; list: PublicServiceList | undefined }) {
  return (
    <FilterForm label="检索政务服务事项">
      <KeywordField value={filter.q ?? ''} placeholder="事项名称或编码" onSearch={(words) => change('q', words)} />
      <UnitField label="实施单位" units={list?.units} value={filter.unit ?? ''} onChange={(unit) => change('unit', unit)} />
    </FilterForm>
  );
}

const days = (n: number | null) => (n === null ? '无' : n === 0 ? '即办' : `${n} 个工作日`);

export default function ServicesPage() {
  const { filter, change, goPage } = useAddressFilter(SERVICES_PATH, ['q', 'unit']);
  const answer = usePublicApi<PublicServiceList>(servicesUrl(filter));
  const data = answer.data;
  return (
    <PortalPage title="政务服务事项清单" trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">县政府各部门、乡镇（街道）依法实施的政务服务事项，列明法定办结时限和承诺办结时限（工作日）以及“最多跑一次”、网上可办、“零跑腿”等服务方式。办理完成后，欢迎<Link to={RATE_PATH}>对政务服务进行评价</Link>；差评将由实施单位回访、整改。</p>
      <Filters key={filter.q} filter={filter} change={change} list={data} />
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
      <Pager answer={data} go={goPage} />
    </PortalPage>
  );
}

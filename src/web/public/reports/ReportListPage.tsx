// Published annual reports of either kind (法治政府建设, 政府信息公开) by year, filtered by year and unit;
// the filter lives in the address so that Back and a shared link show the same list.
import { useMemo } from 'react';
import { HOME, PortalPage } from '../layout.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { usePublicApi, type Loaded } from '../data.ts';
import { ListStatus } from '../listing.tsx';
import { REPORT_KINDS, ReportLinks, reportsUrl, type PublicReport, type PublishedReports, type ReportKind } from './api.tsx';

function byYear(items: PublicReport[]): [number, PublicReport[]][] {
  const groups = new Map<number, PublicReport[]>();
  for (const r of items) groups.set(r.year, [...(groups.get(r.year) ?? []), r]);
  return [...groups.entries()];
}

function Filters({ all, year, unit, kind }: { all: PublishedReports | undefined; year: string; unit: string; kind: ReportKind }) {
  const units = useMemo(() => [...new Map((all?.items ?? []).map((r) => [r.unitCode, r.unitName])).entries()], [all]);
  const change = (key: 'year' | 'unit', value: string) => {
    const params = new URLSearchParams(location.search);
    if (value) params.set(key, value);
    else params.delete(key);
    const q = params.toString();
    const path = REPORT_KINDS[kind].path;
    navigate(q ? `${path}?${q}` : path, { replace: true });
  };
  return (
    <form className="filters" aria-label="筛选报告" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="filter-year">年度</label>
        <select id="filter-year" value={year} onChange={(e) => change('year', e.target.value)}>
          <option value="">全部年度</option>
          {(all?.years ?? []).map((y) => (
            <option key={y} value={y}>{`${y}年`}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-unit">发布单位</label>
        <select id="filter-unit" value={unit} onChange={(e) => change('unit', e.target.value)}>
          <option value="">全部单位</option>
          {units.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function Results({ list, kind }: { list: Loaded<PublishedReports>; kind: ReportKind }) {
  const items = list.data?.items ?? [];
  return (
    <>
      <ListStatus answer={list} count={(d) => d.items.length} measure="份报告" none="没有符合条件的已公开报告" what="报告列表" />
      {byYear(items).map(([y, group]) => (
        <section key={y} aria-labelledby={`year-${y}`}>
          <h2 id={`year-${y}`}>{`${y} 年度`}</h2>
          <ReportLinks items={group} kind={kind} />
        </section>
      ))}
    </>
  );
}

const LEADS: Record<ReportKind, string> = {
  rule_of_law: '依据《法治政府建设与责任落实督察工作规定》，县政府及各部门、乡镇每年4月1日之前向社会公开上一年度法治政府建设情况报告。',
  disclosure: '依据《中华人民共和国政府信息公开条例》第四十九条、第五十条，各部门、乡镇每年1月31日前、县政府每年3月31日前向社会公布上一年度政府信息公开工作年度报告。',
};

/** The list of one kind, with a link to the other. */
export function ReportList({ kind }: { kind: ReportKind }) {
  const { params } = useLocation();
  const year = params.get('year') ?? '';
  const unit = params.get('unit') ?? '';
  const all = usePublicApi<PublishedReports>(reportsUrl({}, kind));
  const list = usePublicApi<PublishedReports>(reportsUrl({ year, unit }, kind));
  const other: ReportKind = kind === 'disclosure' ? 'rule_of_law' : 'disclosure';
  return (
    <PortalPage title={REPORT_KINDS[kind].title} trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">{LEADS[kind]}</p>
      <p>
        另见：<Link to={REPORT_KINDS[other].path}>{REPORT_KINDS[other].title}</Link>
      </p>
      <Filters all={all.data} year={year} unit={unit} kind={kind} />
      <Results list={list} kind={kind} />
    </PortalPage>
  );
}

export default function ReportListPage() {
  return <ReportList kind="rule_of_law" />;
}

// The portal's front door: every section, and the latest published reports.
import { Loading, PortalPage, Problem } from './layout.tsx';
import { Link } from './router.tsx';
import { SECTIONS } from './sections.ts';
import { usePublicApi } from './data.ts';
import { REPORTS_PATH, ReportLinks, reportsUrl, type PublishedReports } from './reports/api.tsx';

const LATEST = 5;

function Latest() {
  const reports = usePublicApi<PublishedReports>(reportsUrl());
  if (reports.loading) return <Loading />;
  if (reports.error) return <Problem>暂时无法读取最新报告：{reports.error.message}</Problem>;
  const items = reports.data?.items.slice(0, LATEST) ?? [];
  return items.length ? <ReportLinks items={items} /> : <p>暂无已公开的报告。</p>;
}

export default function HomePage() {
  return (
    <PortalPage title="信息公开与公众服务">
      <p className="lead">在这里查阅本县法治政府建设的公开信息，无需注册即可在网上申请行政复议和政府信息公开，并凭查询码查询办理进度。页面顶部的“适老模式”可放大字号、加强对比。</p>
      <ul className="cards">
        {SECTIONS.map((s) => (
          <li key={s.path} className="card">
            <h2>
              <Link to={s.path}>{s.title}</Link>
            </h2>
            <p>{s.summary}</p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="latest">
        <h2 id="latest">最新公开的年度报告</h2>
        <Latest />
        <p>
          <Link to={REPORTS_PATH}>查看全部年度报告</Link>
        </p>
      </section>
    </PortalPage>
  );
}

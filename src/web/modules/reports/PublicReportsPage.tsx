// The public portal's annual reports (no login): published reports by year and unit, and each
// report in the official layout with its .docx. The first page of the portal.
import { useMemo, useState } from 'react';
import { Button, Empty, List, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, query } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { chineseDate, type PublicReport } from '../../../shared/schemas/reports.ts';

function PortalFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="portal">
      <header className="portal-header">
        <Link to="/public/reports" className="portal-brand">法治政府建设信息公开</Link>
        <span className="portal-sub">法治政府建设年度报告</span>
      </header>
      <main className="portal-main">{children}</main>
      <footer className="portal-footer">依据《法治政府建设与责任落实督察工作规定》，每年4月1日之前向社会公开上一年度法治政府建设情况报告。</footer>
    </div>
  );
}

export function PublicReportList() {
  const [year, setYear] = useState<number | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['public-reports', year, unit], queryFn: () => get<{ items: PublicReport[]; years: number[] }>(`/public/annual-reports${query({ year, unit })}`) });
  const all = useQuery({ queryKey: ['public-reports'], queryFn: () => get<{ items: PublicReport[]; years: number[] }>('/public/annual-reports') });
  const units = useMemo(() => [...new Map((all.data?.items ?? []).map((r) => [r.unitCode, r.unitName])).entries()], [all.data]);
  const byYear = useMemo(() => {
    const groups = new Map<number, PublicReport[]>();
    for (const r of list.data?.items ?? []) groups.set(r.year, [...(groups.get(r.year) ?? []), r]);
    return [...groups.entries()];
  }, [list.data]);
  return (
    <PortalFrame>
      <Space style={{ marginBottom: 16 }}>
        <Select style={{ width: 140 }} allowClear placeholder="全部年度" value={year} onChange={setYear} options={(all.data?.years ?? []).map((y) => ({ value: y, label: `${y} 年度` }))} />
        <Select style={{ width: 260 }} allowClear showSearch optionFilterProp="label" placeholder="全部单位" value={unit} onChange={setUnit} options={units.map(([value, label]) => ({ value, label }))} />
      </Space>
      <ErrorNotice error={list.error} />
      {list.isLoading ? <Spin /> : byYear.length === 0 ? <Empty description="暂无已公开的报告" /> : byYear.map(([y, items]) => (
        <section key={y} className="portal-year">
          <Typography.Title level={4}>{y} 年度</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={items}
            renderItem={(r) => (
              <List.Item extra={<span className="portal-date">{r.publishedDate}</span>}>
                <Link to={`/public/reports/${r.id}`}>{r.title}</Link>
              </List.Item>
            )}
          />
        </section>
      ))}
    </PortalFrame>
  );
}

export function PublicReportView() {
  const { id = '' } = useParams();
  const report = useQuery({ queryKey: ['public-report', id], queryFn: () => get<PublicReport>(`/public/annual-reports/${id}`) });
  const r = report.data;
  return (
    <PortalFrame>
      <ErrorNotice error={report.error} />
      {report.isLoading && <Spin />}
      {r && (
        <article className="official-doc">
          <div className="official-meta">
            <span>发布单位：{r.unitName}</span>
            <span>公开日期：{r.publishedDate}</span>
            <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/public/annual-reports/${r.id}/docx`}>下载 Word 版</Button>
            <Button size="small" icon={<FilePdfOutlined />} href={`/api/v1/public/annual-reports/${r.id}/pdf`}>下载 PDF 版</Button>
          </div>
          <h1>{r.title}</h1>
          {r.sections?.map((s, i) => (
            <section key={i}>
              {s.level === 1 ? <h2>{s.heading}</h2> : <h3>{s.heading}</h3>}
              <div dangerouslySetInnerHTML={{ __html: s.html }} />
            </section>
          ))}
          <div className="official-signature">
            <div>{r.issuer}</div>
            {r.issuedDate && <div>{chineseDate(r.issuedDate)}</div>}
          </div>
        </article>
      )}
    </PortalFrame>
  );
}

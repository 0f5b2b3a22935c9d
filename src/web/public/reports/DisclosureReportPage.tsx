// One published 政府信息公开工作年度报告: its six sections with the tables laid out as prescribed,
// readable on a phone (the wide tables scroll), with its .docx.
import { HOME } from '../layout.tsx';
import type { PageProps } from '../router.tsx';
import { PublishedReportPage, ReportSignature } from './report-page.tsx';
import { usePublicApi } from '../data.ts';
import { Facts } from '../present.tsx';
import { Table2, Table3, Table4 } from '../../modules/disclosure/ReportTables.tsx';
import { FOI_REPORT_TABLE_HEADINGS } from '../../../shared/schemas/disclosure-tables.ts';
import type { PublicFoiReportFull } from '../../../shared/schemas/disclosure-report.ts';
import { DISCLOSURE_REPORTS_PATH, reportUrl } from './api.tsx';

const TRAIL = [
  { label: '首页', to: HOME },
  { label: '政府信息公开工作年度报告', to: DISCLOSURE_REPORTS_PATH },
];

const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text.split('\n').filter((l) => l.trim()).map((line, i) => <p key={i}>{line}</p>)}
  </>
);

function Report({ report }: { report: PublicFoiReportFull }) {
  const section = (key: string) => report.sections.find((s) => s.key === key)!;
  const tables = [
    { heading: FOI_REPORT_TABLE_HEADINGS.table2, lead: report.generated.table2, table: <Table2 t={report.tables} /> },
    { heading: FOI_REPORT_TABLE_HEADINGS.table3, lead: report.generated.table3, table: <Table3 t={report.tables} /> },
    { heading: FOI_REPORT_TABLE_HEADINGS.table4, lead: report.generated.table4, table: <Table4 t={report.tables} /> },
  ];
  return (
    <>
      <Facts className="doc-meta" items={[['发布单位', report.unitName], ...(report.publishedDate ? [['公开日期', report.publishedDate] as [string, string]] : [])]} />
      <p className="downloads">
        <a className="button" href={`/api/v1${reportUrl(report.id, 'disclosure')}/docx`}>下载 Word 版</a>
      </p>
      <article className="doc" aria-label="报告全文">
        <section>
          <h2>{section('overview').heading}</h2>
          <Paragraphs text={section('overview').text} />
          <Paragraphs text={report.generated.overview} />
        </section>
        {tables.map((t) => (
          <section key={t.heading}>
            <h2>{t.heading}</h2>
            <Paragraphs text={t.lead} />
            <div className="table-scroll">{t.table}</div>
          </section>
        ))}
        {(['problems', 'other'] as const).map((key) => (
          <section key={key}>
            <h2>{section(key).heading}</h2>
            {key === 'other' && <Paragraphs text={report.generated.other} />}
            <Paragraphs text={section(key).text} />
          </section>
        ))}
        <ReportSignature report={report} />
      </article>
    </>
  );
}

export default function DisclosureReportPage({ params }: PageProps) {
  const report = usePublicApi<PublicFoiReportFull>(reportUrl(params.id ?? '', 'disclosure'));
  return (
    <PublishedReportPage answer={report} kind="政府信息公开工作年度报告" trail={TRAIL} back={{ to: DISCLOSURE_REPORTS_PATH, label: '返回政府信息公开工作年度报告列表' }}>
      {(r) => <Report report={r} />}
    </PublishedReportPage>
  );
}

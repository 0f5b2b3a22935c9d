// One published report in the official layout, readable on a phone, with its .docx and .pdf.
import { HOME } from '../layout.tsx';
import type { PageProps } from '../router.tsx';
import { PublishedReportPage, ReportSignature } from './report-page.tsx';
import { usePublicApi } from '../data.ts';
import { Facts } from '../present.tsx';
import { REPORTS_PATH, reportUrl, type PublicReport } from './api.tsx';


const TRAIL = [
  { label: '首页', to: HOME },
  { label: '年度报告', to: REPORTS_PATH },
];

function Downloads({ report }: { report: PublicReport }) {
  const base = `/api/v1${reportUrl(report.id)}`;
  return (
    <p className="downloads">
      <a className="button" href={`${base}/docx`}>
        下载 Word 版
      </a>
      <a className="button" href={`${base}/pdf`}>
        下载 PDF 版
      </a>
    </p>
  );
}

function Report({ report }: { report: PublicReport }) {
  return (
    <>
      <Facts className="doc-meta" items={[['发布单位', report.unitName], ...(report.publishedDate ? [['公开日期', report.publishedDate] as [string, string]] : [])]} />
      <Downloads report={report} />
      <article className="doc" aria-label="报告全文">
        {report.sections?.map((s, i) => (
          <section key={i}>
            {s.level === 1 ? <h2>{s.heading}</h2> : <h3>{s.heading}</h3>}
            {/* Sanitised by the server when the report was saved (figures.ts). */}
            <div dangerouslySetInnerHTML={{ __html: s.html }} />
          </section>
        ))}
        <ReportSignature report={report} />
      </article>
    </>
  );
}

export default function ReportPage({ params }: PageProps) {
  const report = usePublicApi<PublicReport>(reportUrl(params.id ?? ''));
  return (
    <PublishedReportPage answer={report} kind="年度报告" trail={TRAIL} back={{ to: REPORTS_PATH, label: '返回年度报告列表' }}>
      {(r) => <Report report={r} />}
    </PublishedReportPage>
  );
}

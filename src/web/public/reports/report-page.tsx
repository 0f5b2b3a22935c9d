// A published report's page on the portal (the rule-of-law report, the disclosure report): the
// report once read; else loading, not found (or not yet public), or the error; the way back below.
// A report's text closes with its signature (the issuing organ, the 成文日期).
import type { ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { Loading, PortalPage, Problem } from '../layout.tsx';
import { Link } from '../router.tsx';
import type { Loaded } from '../data.ts';
import { officialDate } from '../present.tsx';

type Trail = Parameters<typeof PortalPage>[0]['trail'];

const missing = (error: Error | undefined) => error instanceof ApiError && error.status === 404;

export function PublishedReportPage<R extends { title: string }>({ answer, kind, trail, back, children }: { answer: Loaded<R>; kind: string; trail: Trail; back: { to: string; label: string }; children: (report: R) => ReactNode }) {
  const way = (
    <p>
      <Link to={back.to}>{back.label}</Link>
    </p>
  );
  if (answer.data) {
    return (
      <PortalPage title={answer.data.title} trail={trail} headingClass="doc-title">
        {children(answer.data)}
        {way}
      </PortalPage>
    );
  }
  const title = answer.loading ? kind : missing(answer.error) ? '报告不存在或尚未公开' : '暂时无法读取报告';
  return (
    <PortalPage title={title} trail={trail}>
      {answer.loading ? <Loading /> : <Problem>{missing(answer.error) ? '这份报告不存在，或尚未向社会公开。' : answer.error?.message}</Problem>}
      {way}
    </PortalPage>
  );
}

/** The close of a report's text: the issuing organ and, once written, the date (成文日期). */
export const ReportSignature = ({ report }: { report: { issuer: string; issuedDate: string | null } }) => (
  <div className="doc-signature">
    <div>{report.issuer}</div>
    {report.issuedDate && <div>{officialDate(report.issuedDate)}</div>}
  </div>
);

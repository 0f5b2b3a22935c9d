// A published report's page on the portal (the rule-of-law report, the disclosure report): the
// report once read; else loading, not found (or not yet public), or the error, with the way back.
import type { ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { Loading, PortalPage, Problem } from '../layout.tsx';
import { Link } from '../router.tsx';
import type { Loaded } from '../data.ts';

type Trail = Parameters<typeof PortalPage>[0]['trail'];

const missing = (error: Error | undefined) => error instanceof ApiError && error.status === 404;

export function PublishedReportPage<R extends { title: string }>({ answer, kind, trail, back, children }: { answer: Loaded<R>; kind: string; trail: Trail; back: { to: string; label: string }; children: (report: R) => ReactNode }) {
  if (answer.data) {
    return (
      <PortalPage title={answer.data.title} trail={trail} headingClass="doc-title">
        {children(answer.data)}
      </PortalPage>
    );
  }
  const title = answer.loading ? kind : missing(answer.error) ? '报告不存在或尚未公开' : '暂时无法读取报告';
  return (
    <PortalPage title={title} trail={trail}>
      {answer.loading ? <Loading /> : <Problem>{missing(answer.error) ? '这份报告不存在，或尚未向社会公开。' : answer.error?.message}</Problem>}
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </PortalPage>
  );
}

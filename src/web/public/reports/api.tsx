// What the report pages read from the public API (unchanged: GET /api/v1/public/annual-reports…),
// and the list of report links both the home page and the list page show.
import type { PublicReport } from '../../../shared/schemas/reports.ts';
import { query } from '../../api.ts';
import { Link } from '../router.tsx';

export type { PublicReport };
export interface PublishedReports {
  items: PublicReport[];
  years: number[];
}

export const REPORTS_PATH = '/public/reports';
export const DISCLOSURE_REPORTS_PATH = '/public/reports/disclosure';

/** The two kinds of annual report the portal publishes: where their pages are and what the API calls them. */
export const REPORT_KINDS = {
  rule_of_law: { path: REPORTS_PATH, api: '/public/annual-reports', title: '法治政府建设年度报告' },
  disclosure: { path: DISCLOSURE_REPORTS_PATH, api: '/public/foi-annual-reports', title: '政府信息公开工作年度报告' },
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

export const reportsUrl = (filter: { year?: string | null; unit?: string | null } = {}, kind: ReportKind = 'rule_of_law') =>
  `${REPORT_KINDS[kind].api}${query({ year: filter.year ?? undefined, unit: filter.unit ?? undefined })}`;
export const reportUrl = (id: string, kind: ReportKind = 'rule_of_law') => `${REPORT_KINDS[kind].api}/${encodeURIComponent(id)}`;

export function ReportLinks({ items, kind = 'rule_of_law' }: { items: Pick<PublicReport, 'id' | 'title' | 'publishedDate'>[]; kind?: ReportKind }) {
  return (
    <ul className="item-list">
      {items.map((r) => (
        <li key={r.id}>
          <Link to={`${REPORT_KINDS[kind].path}/${encodeURIComponent(r.id)}`}>{r.title}</Link>
          {r.publishedDate && <span className="item-meta">公开日期：{r.publishedDate}</span>}
        </li>
      ))}
    </ul>
  );
}

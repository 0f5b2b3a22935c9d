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
export const reportsUrl = (filter: { year?: string | null; unit?: string | null } = {}) =>
  `/public/annual-reports${query({ year: filter.year ?? undefined, unit: filter.unit ?? undefined })}`;
export const reportUrl = (id: string) => `/public/annual-reports/${encodeURIComponent(id)}`;

export function ReportLinks({ items }: { items: PublicReport[] }) {
  return (
    <ul className="item-list">
      {items.map((r) => (
        <li key={r.id}>
          <Link to={`${REPORTS_PATH}/${encodeURIComponent(r.id)}`}>{r.title}</Link>
          {r.publishedDate && <span className="item-meta">公开日期：{r.publishedDate}</span>}
        </li>
      ))}
    </ul>
  );
}

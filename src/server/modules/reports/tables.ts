import type { StampColumns } from '../../kernel/db/tables.ts';

export interface AnnualReportTable extends StampColumns {
  id: string;
  unit_id: string;
  year: number;
  /** 'county' for the county government's own report, 'unit' for a department's or town's. */
  kind: string;
  title: string;
  issuer: string;
  issued_date: string | null;
  /** JSON: [{ key, html }], in REPORT_SECTIONS order; html sanitised on the server. */
  sections: string;
  status: string;
  approved_date: string | null;
  published_date: string | null;
  /** 31 March of the next year (published before 1 April). */
  publish_due: string;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    annual_reports: AnnualReportTable;
  }
}

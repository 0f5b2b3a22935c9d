import type { StampColumns } from '../../kernel/db/tables.ts';

export interface DisclosureRequestTable extends StampColumns {
  id: string;
  ref: string | null;
  /** 案号/文号, given by kernel/numbering. */
  case_number: string | null;
  /** The organ the request was made to: owner for data scope. */
  unit_id: string;
  title: string;
  applicant_name: string;
  applicant_type: string | null;
  applicant_id_enc: string | null;
  applicant_id_hash: string | null;
  applicant_phone_enc: string | null;
  content: string;
  received_date: string;
  channel: string;
  delivery: string | null;
  contact_address: string | null;
  status: string;
  reply_date: string | null;
  reply_type: string | null;
  /** The row of table 3 (OUTCOME_REASONS); set when replied or closed. */
  outcome_reason: string | null;
  /** 信息处理费 notified (fen), the notice's date, the payment's date. */
  processing_fee_fen: number | null;
  fee_notice_date: string | null;
  fee_paid_date: string | null;
}

/** 政府信息公开工作年度报告: one per unit and year. */
export interface FoiAnnualReportTable extends StampColumns {
  id: string;
  unit_id: string;
  year: number;
  /** 'county' for the county government's report, 'unit' for a department's or town's. */
  kind: string;
  title: string;
  issuer: string;
  issued_date: string | null;
  /** JSON: { overview, problems, other }, plain text. */
  sections: string;
  /** JSON, set on approval: the tables and the record ids behind each cell; null while a draft. */
  tables: string | null;
  status: string;
  approved_date: string | null;
  published_date: string | null;
  /** 31 January (departments, towns) or 31 March (the county) of the next year. */
  publish_due: string;
}

/** 行政事业性收费: one per unit, year and item. */
export interface FeeItemTable extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  year: number;
  item: string;
  basis: string;
  standard: string | null;
  amount_fen: number;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    foi_requests: DisclosureRequestTable;
    foi_annual_reports: FoiAnnualReportTable;
    fee_items: FeeItemTable;
  }
}

import type { StampColumns } from '../../kernel/db/tables.ts';

export interface ReviewCaseTable extends StampColumns {
  id: string;
  ref: string | null;
  /** 案号/文号, given by kernel/numbering. */
  case_number: string | null;
  /** The reconsideration body (复议机关): owner for data scope. */
  unit_id: string;
  title: string;
  applicant_name: string;
  applicant_kind: string;
  applicant_id_enc: string | null;
  applicant_id_hash: string | null;
  applicant_phone_enc: string | null;
  respondent: string;
  /** When the respondent is one of the platform's units: corrections feed its problem pool. */
  respondent_unit_id: string | null;
  act: string;
  review_request: string | null;
  facts_and_reasons: string | null;
  received_date: string;
  channel: string;
  status: string;
  procedure: string | null;
  accepted_date: string | null;
  copy_sent_date: string | null;
  reply_date: string | null;
  closed_date: string | null;
  outcome: string | null;
  committee_opinion: string | null;
  /** 涉及政府信息公开 (1/0): counted in table 4 of the respondent's disclosure annual report. */
  concerns_disclosure: number;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    review_cases: ReviewCaseTable;
  }
}

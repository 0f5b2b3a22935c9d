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
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    foi_requests: DisclosureRequestTable;
  }
}

import type { StampColumns } from '../../kernel/db/tables.ts';

export interface LitigationCaseTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The defendant body (被告): owner for data scope. */
  unit_id: string;
  title: string;
  court: string;
  plaintiff: string;
  cause: string;
  filed_date: string;
  complaint_received_date: string;
  defence_date: string | null;
  status: string;
  judgment_date: string | null;
  result: string | null;
  loss_analysis: string | null;
  /** 涉及政府信息公开 (1/0): counted in table 4 of the defendant's disclosure annual report. */
  concerns_disclosure: number;
  /** 复议后起诉 (1/0), else 未经复议直接起诉. */
  after_reconsideration: number;
}

export interface LitigationHearingTable {
  id: string;
  ref: string | null;
  case_id: string;
  unit_id: string;
  date: string;
  head_appeared: number;
  head_name: string | null;
  note: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    litigation_cases: LitigationCaseTable;
    litigation_hearings: LitigationHearingTable;
  }
}

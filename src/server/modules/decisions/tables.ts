import type { StampColumns } from '../../kernel/db/tables.ts';

export interface CatalogItemTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The owner unit (承办单位): owner for data scope. */
  unit_id: string;
  year: number;
  title: string;
  planned_date: string | null;
  consent_date: string | null;
  added_reason: string | null;
  status: string;
  withdrawn_date: string | null;
  withdrawn_reason: string | null;
}

export interface DecisionTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The owner unit (承办单位): owner for data scope. */
  unit_id: string;
  year: number;
  title: string;
  catalog_item_id: string | null;
  unlisted_reason: string | null;
  summary: string | null;
  status: string;
  pp_na_reason: string | null;
  draft_text: string | null;
  comment_start: string | null;
  comment_end: string | null;
  comment_short_reason: string | null;
  /** Comments received: those on record plus `imported_comments`. */
  comments_received: number;
  /** Comments an import recorded as a count from history (no comment rows behind them). */
  imported_comments: number;
  /**
   * The procedures an import recorded from history (`;`-separated codes): known by their dates, their
   * details (draft, experts, reviewer, minutes…) in the archive; re-recorded in the system, a code leaves.
   */
  imported_procedures: string | null;
  /** Comments not yet answered (the gate to 已决策 reads it). */
  open_comments: number;
  comment_summary_date: string | null;
  expert_na_reason: string | null;
  expert_date: string | null;
  experts: string | null;
  expert_opinion: string | null;
  risk_na_reason: string | null;
  risk_date: string | null;
  risk_level: string | null;
  risk_assessor: string | null;
  risk_report: string | null;
  risk_measures: string | null;
  legality_submitted_date: string | null;
  legality_due_date: string | null;
  legality_reviewer_kind: string | null;
  legality_reviewer: string | null;
  legality_date: string | null;
  legality_conclusion: string | null;
  legality_opinion: string | null;
  meeting: string | null;
  meeting_name: string | null;
  deliberation_date: string | null;
  minutes: string | null;
  dissent: string | null;
  decided_date: string | null;
  published_date: string | null;
  publication: string | null;
  post_eval_date: string | null;
  post_eval_trigger: string | null;
  post_evaluator: string | null;
  post_eval_conclusion: string | null;
  post_eval_report: string | null;
}

export interface DecisionCommentTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The decision's unit. */
  unit_id: string;
  decision_id: string;
  title: string;
  received_date: string;
  commenter_name: string | null;
  commenter_phone_enc: string | null;
  content: string;
  channel: string;
  status: string;
  answer: string | null;
  answer_reason: string | null;
  answered_date: string | null;
}

export interface DecisionEventTable extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  decision_id: string;
  kind: string;
  date: string;
  notice_date: string | null;
  participants: number;
  participant_list: string | null;
  record: string | null;
}

/**
 * One statutory procedure of a decision as a record (id `<decision id>.<procedure>`), in the
 * decision's unit: what its evidence files (attachments of `decision_procedure`) belong to.
 */
export interface DecisionProcedureTable extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  decision_id: string;
  procedure: string;
  title: string;
  status: string;
}

export interface ImplementationReportTable {
  id: string;
  decision_id: string;
  unit_id: string;
  date: string;
  content: string;
  created_at: string;
  created_by: string | null;
}

/** 1…MAX_IMPORTED_COMMENTS: numbers the comments an import recorded as a count, for the figure's records. */
export interface CommentNumberTable {
  n: number;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    decision_catalog_items: CatalogItemTable;
    decisions: DecisionTable;
    decision_comments: DecisionCommentTable;
    decision_events: DecisionEventTable;
    decision_procedures: DecisionProcedureTable;
    decision_reports: ImplementationReportTable;
    decision_comment_numbers: CommentNumberTable;
  }
}

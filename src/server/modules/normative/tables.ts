import type { StampColumns } from '../../kernel/db/tables.ts';

export interface NormativeDocTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The drafting unit (起草单位): owner for data scope. */
  unit_id: string;
  title: string;
  status: string;
  /** The current text (the last of normative_doc_texts). */
  body: string | null;
  text_no: number;
  /** Pre-review flags neither confirmed nor dismissed: the review waits for them. */
  open_flags: number;
  subject_finding: string | null;
  authority_finding: string | null;
  content_finding: string | null;
  procedure_finding: string | null;
  review_conclusion: string | null;
  review_opinion: string | null;
  reviewed_date: string | null;
  deliberated_date: string | null;
  deliberation_meeting: string | null;
  doc_number: string | null;
  /** The year and sequence the document number carries (the next number follows the year's highest). */
  number_year: number | null;
  number_seq: number | null;
  register_number: string | null;
  /** Numbers typed at publication: checked, then moved to doc_number / register_number. */
  requested_doc_number: string | null;
  requested_register_number: string | null;
  issued_date: string | null;
  valid_until: string | null;
  validity_reason: string | null;
  /** 1 once the drafting unit was warned that the validity ends within 90 days. */
  expiry_warned: number;
  filed_date: string | null;
  filing_body: string | null;
  filing_feedback: string | null;
  congress_filed_date: string | null;
  congress_filing_body: string | null;
  congress_feedback: string | null;
  /** The later of the two filing dates, once the document is filed with both bodies. */
  filing_done_date: string | null;
  ended_date: string | null;
  /** 征求意见情况: how the draft was put to public comment (the pre-review checks read it). */
  consultation: string | null;
}

export interface NormdocCheckRuleTable extends StampColumns {
  code: string;
  category: string;
  name: string;
  scope: string;
  pattern: string;
  basis: string | null;
  citation: string;
  active: number;
  sort_order: number;
}

/** A pre-review flag on one text of a draft, as the rule said it then, and the reviewer's decision. */
export interface NormativeDocFlagTable {
  id: string;
  doc_id: string;
  unit_id: string;
  text_no: number;
  rule_code: string;
  rule_name: string;
  category: string;
  citation: string;
  sentence: string | null;
  position: number;
  /** open | confirmed | dismissed */
  status: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface NormativeDocTextTable {
  id: string;
  doc_id: string;
  unit_id: string;
  no: number;
  body: string;
  source: string;
  filename: string | null;
  created_at: string;
  created_by: string | null;
}

export interface LegalReviewTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The submitting unit: owner for data scope. */
  unit_id: string;
  title: string;
  kind: string;
  received_date: string;
  reviewer: string | null;
  status: string;
  completed_date: string | null;
  opinion: string | null;
  opinion_form: string | null;
  written_opinion: number | null;
}

export interface CleanupTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The organising unit: the campaign covers documents drafted by it and the units under it. */
  unit_id: string;
  title: string;
  kind: string;
  subject: string | null;
  issued_before: string;
  deadline: string;
  status: string;
  finished_date: string | null;
  /** Documents selected, and those still without a result (the finish waits for none). */
  item_count: number;
  pending_items: number;
}

export interface CleanupItemTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The document's drafting unit. */
  unit_id: string;
  cleanup_id: string;
  doc_id: string;
  result: string | null;
  reason: string | null;
  /** The campaign's finish date, once it finished. */
  finished_date: string | null;
}

export interface LegalAdvisorTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The engaging unit (聘请单位): owner for data scope. */
  unit_id: string;
  name: string;
  kind: string;
  firm: string | null;
  phone_enc: string | null;
  contract_start: string;
  contract_end: string | null;
}

export interface LegalAdvisorUnitTable {
  advisor_id: string;
  unit_id: string;
}

export interface AdvisorEngagementTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The advisor's engaging unit. */
  unit_id: string;
  advisor_id: string;
  date: string;
  kind: string;
  subject: string;
  linked_type: string | null;
  linked_id: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    normative_docs: NormativeDocTable;
    normative_doc_texts: NormativeDocTextTable;
    normdoc_check_rules: NormdocCheckRuleTable;
    normative_doc_flags: NormativeDocFlagTable;
    legal_reviews: LegalReviewTable;
    normdoc_cleanups: CleanupTable;
    normdoc_cleanup_items: CleanupItemTable;
    legal_advisors: LegalAdvisorTable;
    legal_advisor_units: LegalAdvisorUnitTable;
    advisor_engagements: AdvisorEngagementTable;
  }
}

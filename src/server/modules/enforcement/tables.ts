import type { StampColumns } from '../../kernel/db/tables.ts';

export interface EnforcementBodyTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The unit the body belongs to: owner for data scope. */
  unit_id: string;
  name: string;
  kind: string;
  basis: string | null;
  entrusted_by: string | null;
}

export interface EnforcementPowerTable extends StampColumns {
  id: string;
  ref: string | null;
  body_id: string;
  /** The body's unit. */
  unit_id: string;
  title: string;
  category: string;
  basis: string;
  delegated: number;
  delegated_by: string | null;
  delegated_date: string | null;
}

export interface EnforcementOfficerTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The body's unit: owner for data scope. */
  unit_id: string;
  body_id: string;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  post: string;
  supervisor: number;
  certificate_number: string | null;
  certificate_issued_date: string | null;
  certificate_valid_until: string | null;
  certificate_status: string | null;
  status: string;
  /** In post from (registration, or the first certificate when earlier): the year figures count from it. */
  since_date: string;
  left_date: string | null;
  revoked_date: string | null;
  /** The valid-until date whose 90-day warning was sent (warned once per certificate). */
  expiry_warned_for: string | null;
}

export interface CertificateEventTable {
  id: string;
  officer_id: string;
  unit_id: string;
  kind: string;
  date: string;
  certificate_number: string | null;
  valid_until: string | null;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface TrainingTable {
  id: string;
  officer_id: string;
  unit_id: string;
  date: string;
  title: string;
  hours: number;
  created_at: string;
  created_by: string | null;
}

export interface ListItemTable extends StampColumns {
  id: string;
  ref: string | null;
  body_id: string;
  /** The body's unit: owner for data scope. */
  unit_id: string;
  list: string;
  title: string;
  basis: string;
  conditions: string | null;
  published_date: string;
  repealed_date: string | null;
}

export interface EnforcementSettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface EnforcementCaseTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The body's unit: owner for data scope. */
  unit_id: string;
  body_id: string;
  kind: string;
  /** 案由, or the kind and the party: the timeline's and 待办's title. */
  title: string;
  cause: string | null;
  party_kind: string | null;
  party_name: string;
  party_id_number_enc: string | null;
  facts: string | null;
  basis: string | null;
  list_item_id: string | null;
  major: number;
  opened_date: string;
  status: string;
  legal_review_date: string | null;
  legal_review_opinion: string | null;
  decision_number: string | null;
  decided_date: string | null;
  outcome: string | null;
  decision: string | null;
  penalty_amount_fen: number | null;
  list_reason: string | null;
  disclosed_date: string | null;
  changed_date: string | null;
  withdrawn_date: string | null;
}

export interface CaseOfficerTable {
  case_id: string;
  officer_id: string;
  unit_id: string;
}

export interface CaseRecordTable {
  id: string;
  case_id: string;
  unit_id: string;
  stage: string;
  medium: string;
  title: string;
  reference: string | null;
  date: string;
  created_at: string;
  created_by: string | null;
}

export interface ReviewCampaignTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The organising unit (the justice bureau). */
  unit_id: string;
  title: string;
  start_date: string;
  pass_mark: number;
  reviewers: string | null;
  finished_date: string | null;
  status: string;
  /** The scoring sheet: JSON [{ item, points }]. */
  lines: string;
  /** Files sampled and not yet scored (the 结束评查 guard reads it). */
  pending_files: number;
}

export interface FileReviewTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The case's unit: the body sees its files' results. */
  unit_id: string;
  campaign_id: string;
  case_id: string;
  reviewed_date: string | null;
  score: number | null;
  passed: number | null;
  problems: string | null;
  /** JSON array: each line's score, in the sheet's order; null when only a total was given (imports). */
  line_scores: string | null;
}

export interface SupervisionTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The supervised body's unit: the body sees it and reports its correction. */
  unit_id: string;
  body_id: string;
  title: string;
  kind: string;
  start_date: string;
  findings: string | null;
  status: string;
  opinion_number: string | null;
  opinion_date: string | null;
  opinion: string | null;
  corrected_date: string | null;
  correction_report: string | null;
  decision_date: string | null;
  decision: string | null;
  closed_date: string | null;
  evaluation_date: string | null;
  evaluation_result: string | null;
  evaluation_note: string | null;
}

export interface ComplaintTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The unit handling it: the named body's unit, or the unit chosen. */
  unit_id: string;
  body_id: string | null;
  title: string;
  kind: string;
  received_date: string;
  complainant_name: string;
  complainant_id_number_enc: string | null;
  complainant_phone_enc: string | null;
  content: string;
  channel: string;
  status: string;
  reply_date: string | null;
  result: string | null;
  reply_content: string | null;
  closed_date: string | null;
}

export interface TransferTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The case's unit (the transferring body's). */
  unit_id: string;
  case_id: string;
  organ: string;
  transfer_date: string;
  suspected_crime: string | null;
  result: string;
  result_date: string | null;
  result_note: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    enforcement_bodies: EnforcementBodyTable;
    enforcement_powers: EnforcementPowerTable;
    enforcement_officers: EnforcementOfficerTable;
    enforcement_certificate_events: CertificateEventTable;
    enforcement_trainings: TrainingTable;
    enforcement_settings: EnforcementSettingTable;
    enforcement_list_items: ListItemTable;
    enforcement_cases: EnforcementCaseTable;
    enforcement_case_officers: CaseOfficerTable;
    enforcement_case_records: CaseRecordTable;
    enforcement_review_campaigns: ReviewCampaignTable;
    enforcement_file_reviews: FileReviewTable;
    enforcement_supervisions: SupervisionTable;
    enforcement_complaints: ComplaintTable;
    enforcement_transfers: TransferTable;
  }
}

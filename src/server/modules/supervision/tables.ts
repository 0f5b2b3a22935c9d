import type { StampColumns } from '../../kernel/db/tables.ts';

export interface InspectionTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The organising unit (组织单位). */
  unit_id: string;
  title: string;
  kind: string;
  date: string;
  inspectors: string;
  /** JSON: [{item, kind}] */
  checklist: string;
  summary: string | null;
}

export interface InspectionTargetTable {
  inspection_id: string;
  unit_id: string;
}

export interface FindingTable extends StampColumns {
  id: string;
  ref: string | null;
  inspection_id: string;
  /** The unit that must rectify: owner for data scope. */
  unit_id: string;
  description: string;
  /** 整改通知书文号, given when the finding is recorded (kernel/numbering). */
  notice_number: string | null;
  severity: string;
  due_date: string;
  status: string;
  measures: string | null;
  rectified_date: string | null;
  verified_date: string | null;
  followup_result: string | null;
  interviewed_on: string | null;
}

export interface InterviewTable {
  id: string;
  finding_id: string;
  unit_id: string;
  held_on: string;
  interviewee: string;
  conducted_by: string;
  notes: string;
  created_by: string | null;
  created_at: string;
}

export interface NoticeTable {
  id: string;
  ref: string | null;
  /** Always 已印发 (issued): a notice has no steps; the workflow gives it a page, evidence and documents. */
  status: string;
  /** 文号, given when the notice is issued (kernel/numbering). */
  case_number: string | null;
  kind: string;
  title: string;
  content: string;
  issued_date: string;
  /** The unit a 督办单 is addressed to; the issuing unit for a circular. */
  unit_id: string;
  inspection_id: string | null;
  finding_id: string | null;
  level: number | null;
  version: number;
  created_by: string | null;
  created_at: string;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    inspections: InspectionTable;
    inspection_targets: InspectionTargetTable;
    findings: FindingTable;
    interviews: InterviewTable;
    notices: NoticeTable;
  }
}

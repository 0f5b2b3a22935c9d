import type { StampColumns } from '../../kernel/db/tables.ts';

export interface AuditProjectTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The audited unit: owner for data scope. */
  unit_id: string;
  title: string;
  kind: string;
  date: string;
  period: string | null;
  auditor: string | null;
  status: string;
}

export interface AuditFindingTable extends StampColumns {
  id: string;
  ref: string | null;
  project_id: string;
  /** The audited unit (the project's): owner for data scope. */
  unit_id: string;
  description: string;
  category: string | null;
  amount_fen: number | null;
  found_date: string;
  status: string;
  measures: string | null;
  rectified_date: string | null;
  verified_date: string | null;
  verify_note: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    audit_projects: AuditProjectTable;
    audit_findings: AuditFindingTable;
  }
}

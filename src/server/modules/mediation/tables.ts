import type { StampColumns } from '../../kernel/db/tables.ts';

export interface MediationOrgTable extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  name: string;
  type: string;
  /** 成立日期: counts the organisation from that year on. */
  established_date: string;
  active: number;
}

export interface DisputeTable extends StampColumns {
  id: string;
  ref: string | null;
  /** 案号/文号, given by kernel/numbering. */
  case_number: string | null;
  /** The unit that handles the dispute: owner for data scope. */
  unit_id: string;
  org_id: string | null;
  title: string;
  type: string;
  parties: string;
  summary: string;
  received_date: string;
  channel: string;
  /** 三调联动: the same dispute in another channel (people / administrative / judicial). */
  linked_dispute_id: string | null;
  mediators: string;
  lawyer_involved: number;
  status: string;
  outcome: string | null;
  agreement: string | null;
  closed_date: string | null;
  revisit_date: string | null;
  revisit_result: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    mediation_orgs: MediationOrgTable;
    disputes: DisputeTable;
  }
}

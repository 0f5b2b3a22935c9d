import type { StampColumns } from '../../kernel/db/tables.ts';

export interface ProposalTable extends StampColumns {
  id: string;
  ref: string | null;
  kind: string;
  number: string;
  title: string;
  proposer: string;
  /** The lead unit (主办单位): owner for data scope. */
  unit_id: string;
  assigned_date: string;
  complex: number;
  /** CPPCC proposals: filed (立案) or not; null for NPC suggestions. */
  filed: number | null;
  status: string;
  reply_date: string | null;
  satisfaction: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    proposals: ProposalTable;
  }
}

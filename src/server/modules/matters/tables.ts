// The matters table, merged into the kernel's Database interface.
import type { StampColumns } from '../../kernel/db/tables.ts';

export interface MatterTable extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  title: string;
  content: string;
  rule_code: string;
  assigned_date: string;
  status: string;
  reply: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    matters: MatterTable;
  }
}

// The matters table, merged into the kernel's Database interface.
export interface MatterTable {
  id: string;
  ref: string | null;
  unit_id: string;
  title: string;
  content: string;
  rule_code: string;
  assigned_date: string;
  status: string;
  reply: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    matters: MatterTable;
  }
}

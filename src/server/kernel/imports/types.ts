import type { ZodType } from 'zod';
import type { Tx } from '../db/index.ts';
import type { Actor } from '../audit/index.ts';
import type { Platform } from '../platform.ts';
import type { DataScope } from '../auth/scope.ts';

/** Who runs an import: an actor with a data scope (the CLI on the server acts on everything). */
export interface Importer extends Actor {
  scope: DataScope;
  permissions: ReadonlySet<string>;
}

export interface ImportField {
  /** English field name (csv/jsonl header). */
  name: string;
  /** Chinese column name (xlsx header; also accepted in csv). */
  label: string;
  required?: boolean;
  /** What the field holds and which values it accepts, in Chinese. */
  note: string;
  example: string;
  /** The column names units by code (a definition's unit field): its example is made one the reader may use (examples.ts). */
  unit?: boolean;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportRow<Row> {
  row: number;
  value: Row;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  errors: RowError[];
  /** One-time passwords of accounts the import created (shown once, never stored in clear). */
  credentials?: { username: string; password: string }[];
}

export interface ImportType<Row = any> {
  type: string;
  title: string;
  /** Permission needed to run this import. */
  permission: string;
  fields: ImportField[];
  /** Validates one row whose cells are strings (or absent when empty). */
  row: ZodType<Row>;
  /** Writes the valid rows in the caller's transaction; returns rows it refuses (then nothing is kept). */
  apply(tx: Tx, rows: ImportRow<Row>[], actor: Importer, platform: Platform): Promise<ImportOutcome>;
}

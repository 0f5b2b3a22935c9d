// Tables for migrations, written compactly: the columns as SQL writes them, a record type's table
// with the columns every record has, and indexes named after their table.
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

/** The record columns every versioned table has: version, created/updated at/by. */
export const withStamps = (t: any) =>
  t
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_by', 'text');

/**
 * A table's columns as SQL writes them, comma-separated, several to a line: `title text not null,
 * count integer not null default 0, parent_id text not null references parents(id) on delete
 * cascade, constraint parents_code unique (parent_id, code)`; `--` starts a comment. Only these
 * types and clauses are read (anything else throws): text, integer, bigint; primary key, not null,
 * unique, default <number or 'text'>, references <table>(<column>), on delete cascade; table
 * constraints unique and primary key.
 */
export type Columns = string;

const COLUMN = /^(\w+) (text|integer|bigint)((?: primary key| not null| unique| default (?:-?\d+|'[^']*')| references \w+\(\w+\)| on delete cascade)*)$/;
const CONSTRAINT = /^constraint (\w+) (unique|primary key) \(([\w, ]+)\)$/;

/** The column definitions and constraints, split at the commas outside parentheses and quotes. */
function items(columns: Columns): string[] {
  const text = columns.replace(/--[^\n]*/g, '');
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let item = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (ch === ',' && depth === 0 && !quoted) {
      out.push(item);
      item = '';
    } else item += ch;
  }
  out.push(item);
  return out.map((i) => i.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

const list = (columns: string) => columns.split(',').map((c) => c.trim());

/** Adds the columns and constraints to a table being created, in the order given. */
export function addColumns<T extends CreateTableBuilder<any, any>>(table: T, columns: Columns): T {
  let t: any = table;
  for (const item of items(columns)) {
    const constraint = CONSTRAINT.exec(item);
    if (constraint) {
      const [, name, kind, on] = constraint;
      t = kind === 'unique' ? t.addUniqueConstraint(name, list(on!)) : t.addPrimaryKeyConstraint(name, list(on!));
      continue;
    }
    const m = COLUMN.exec(item);
    if (!m) throw new Error(`cannot read column "${item}"`);
    const [, name, type, rest] = m as unknown as [string, string, 'text' | 'integer' | 'bigint', string];
    const fallback = /default (-?\d+|'[^']*')/.exec(rest)?.[1];
    const target = /references (\w+)\((\w+)\)/.exec(rest);
    t = t.addColumn(name, type, (c: ColumnDefinitionBuilder) => {
      if (rest.includes(' primary key')) c = c.primaryKey();
      if (rest.includes(' not null')) c = c.notNull();
      if (rest.includes(' unique')) c = c.unique();
      if (fallback !== undefined) c = c.defaultTo(fallback.startsWith("'") ? fallback.slice(1, -1) : Number(fallback));
      if (target) c = c.references(`${target[1]}.${target[2]}`);
      if (rest.includes(' on delete cascade')) c = c.onDelete('cascade');
      return c;
    });
  }
  return t;
}

/** Creates a table from its columns (see `Columns`). */
export async function createTable(db: Kysely<any>, name: string, columns: Columns): Promise<void> {
  await addColumns(db.schema.createTable(name), columns).execute();
}

export interface RecordTableOptions {
  /**
   * 'per unit' (new tables): the ref is unique within its unit, as imports resolve it (kernel/imports/by-ref.ts).
   * 'unique': unique platform-wide, as the first record tables were made (some made per unit later
   * by `makeRefUniquePerUnit`). false: the record has no ref.
   */
  ref?: 'per unit' | 'unique' | false;
  /** false: no owner unit column (a table that gained it later). */
  unit?: false;
}

/**
 * A record type's table: `id`, `ref`, the owner unit `unit_id` (third, unless the columns name it
 * where it stands), the module's columns, then version and the created/updated stamps.
 */
export async function createRecordTable(db: Kysely<any>, name: string, columns: Columns, options: RecordTableOptions = {}): Promise<void> {
  const ref = options.ref ?? 'per unit';
  const head = ['id text primary key'];
  if (ref) head.push(ref === 'unique' ? 'ref text unique' : 'ref text');
  if (options.unit !== false && !/(^|,)\s*unit_id\s/.test(columns)) head.push('unit_id text not null references org_units(id)');
  await withStamps(addColumns(db.schema.createTable(name), `${head.join(', ')}, ${columns}`)).execute();
  if (ref === 'per unit') await db.schema.createIndex(`${name}_unit_ref`).on(name).columns(['unit_id', 'ref']).unique().execute();
}

/** Indexes named `<table>_<suffix>`, each on the columns listed ('unit_id, status'). */
export async function createIndexes(db: Kysely<any>, table: string, indexes: Record<string, string>): Promise<void> {
  for (const [suffix, columns] of Object.entries(indexes)) {
    await db.schema.createIndex(`${table}_${suffix}`).on(table).columns(list(columns)).execute();
  }
}

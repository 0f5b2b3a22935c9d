// Tables for migrations, written compactly: each column as SQL reads it ('text not null',
// 'integer not null default 0', 'text references org_units.id'), a record type's table with the
// columns every record has, and indexes named after their table.
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

/** The record columns every versioned table has: version, created/updated at/by. */
export const withStamps = (t: any) =>
  t
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_by', 'text');

/** The owner unit of a record: every data-scope check reads it. */
export const UNIT = 'text not null references org_units.id';

/** Who wrote a row that is never edited (a hearing, a progress report), and when. */
export const CREATED = { created_by: 'text', created_at: 'text not null' } as const;

/**
 * A column, or a table constraint when the key is `unique <name>` or `primary key <name>` and the
 * value lists its columns ('plan_id, code').
 */
export type Columns = Record<string, string>;

const COLUMN = /^(text|integer|bigint)((?: primary key| not null| unique| default (?:-?\d+|'[^']*')| references \w+\.\w+| on delete cascade)*)$/;

function column(name: string, spec: string) {
  const m = COLUMN.exec(spec);
  if (!m) throw new Error(`${name}: cannot read column "${spec}"`);
  const rest = m[2]!;
  const fallback = /default (-?\d+|'[^']*')/.exec(rest)?.[1];
  const target = /references (\w+\.\w+)/.exec(rest)?.[1];
  const build = (c: ColumnDefinitionBuilder) => {
    if (rest.includes(' primary key')) c = c.primaryKey();
    if (rest.includes(' not null')) c = c.notNull();
    if (rest.includes(' unique')) c = c.unique();
    if (fallback !== undefined) c = c.defaultTo(fallback.startsWith("'") ? fallback.slice(1, -1) : Number(fallback));
    if (target) c = c.references(target);
    if (rest.includes(' on delete cascade')) c = c.onDelete('cascade');
    return c;
  };
  return { type: m[1] as 'text' | 'integer' | 'bigint', build };
}

const list = (columns: string) => columns.split(',').map((c) => c.trim());

/** Adds the columns and constraints to a table being created, in the order given. */
export function addColumns<T extends CreateTableBuilder<any, any>>(table: T, columns: Columns): T {
  let t: any = table;
  for (const [key, spec] of Object.entries(columns)) {
    const constraint = /^(unique|primary key) (\w+)$/.exec(key);
    if (constraint?.[1] === 'unique') t = t.addUniqueConstraint(constraint[2], list(spec));
    else if (constraint) t = t.addPrimaryKeyConstraint(constraint[2], list(spec));
    else {
      const { type, build } = column(key, spec);
      t = t.addColumn(key, type, build);
    }
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
  const head: Columns = { id: 'text primary key' };
  if (ref) head.ref = ref === 'unique' ? 'text unique' : 'text';
  if (options.unit !== false && !('unit_id' in columns)) head.unit_id = UNIT;
  await withStamps(addColumns(db.schema.createTable(name), { ...head, ...columns })).execute();
  if (ref === 'per unit') await db.schema.createIndex(`${name}_unit_ref`).on(name).columns(['unit_id', 'ref']).unique().execute();
}

/** Indexes named `<table>_<suffix>`, each on the columns listed ('unit_id, status'). */
export async function createIndexes(db: Kysely<any>, table: string, indexes: Record<string, string>): Promise<void> {
  for (const [suffix, columns] of Object.entries(indexes)) {
    await db.schema.createIndex(`${table}_${suffix}`).on(table).columns(list(columns)).execute();
  }
}

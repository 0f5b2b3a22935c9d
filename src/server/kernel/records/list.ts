// One paged, sorted, scoped list query for every ledger: the definition's filters (enum and boolean
// equality, a unit with its subunits, a date by year), keyword search, sort keys and paging, always
// inside the caller's data scope.
import { PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/index.ts';
import { likeEscape } from '../db/index.ts';
import { scoped, subtreeOfUnitId, type DataScope } from '../auth/scope.ts';
import { entries, type RecordDef } from '../../../shared/records.ts';

export interface ListParams {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  year?: number;
  [filter: string]: unknown;
}

export interface ListSpec {
  /** Alias of the record's table in the query. */
  alias: string;
  /** The unit column that the data scope applies to. */
  unitColumn: string;
  /** Order when the user chose none (and the tie-break of every order). */
  defaultSort: { field: string; order: 'asc' | 'desc' };
  /** An order the fields cannot say (e.g. open records by deadline first), used when the user chose none. */
  defaultOrder?: (query: any) => any;
  /** The keyword search through the text index (kernel/search textMatch), for types that search long texts. */
  textMatch?: (q: string) => Expression<SqlBool>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Text sorts by code point on both engines (PostgreSQL would use its database locale; SQLite compares bytes). */
function sortKey(db: Executor, kind: string, column: string) {
  const text = ['text', 'longText', 'enum'].includes(kind);
  return text && db.getExecutor().adapter instanceof PostgresAdapter ? sql`${sql.ref(column)} collate "C"` : sql.ref(column);
}

/** Applies scope, filters, search, sort and paging to `base` (a select of the record's table, with joins). */
export async function listPage<Row>(db: Executor, base: any, def: RecordDef, spec: ListSpec, scope: DataScope, params: ListParams): Promise<Page<Row>> {
  let q = scoped(base, scope, spec.unitColumn);
  const column = (name: string) => `${spec.alias}.${def.fields[name]!.column}`;
  for (const [name, field] of entries(def)) {
    if (!field.filter) continue;
    if (field.kind === 'date') {
      if (params.year) q = q.where(column(name), '>=', `${params.year}-01-01`).where(column(name), '<=', `${params.year}-12-31`);
      continue;
    }
    const value = params[name];
    if (value === undefined || value === '') continue;
    if (field.kind === 'unit') {
      q = q.where(column(name), 'in', await subtreeOfUnitId(db, String(value)));
    } else if (field.kind === 'boolean') q = q.where(column(name), '=', value === 'true' ? 1 : 0);
    else q = q.where(column(name), '=', value);
  }
  const searchable = entries(def).filter(([, f]) => f.search);
  if (params.q && spec.textMatch) q = q.where(spec.textMatch(params.q));
  else if (params.q && searchable.length) {
    const pattern = `%${likeEscape(params.q)}%`;
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    q = q.where((eb: any) => eb.or(searchable.map(([name]) => sql<boolean>`lower(${sql.ref(column(name))}) like lower(${pattern}) escape '\\'`)));
  }
  const chosen = params.sort && def.fields[params.sort]?.sort ? params.sort : null;
  const sortField = chosen ?? spec.defaultSort.field;
  const order = chosen ? (params.order ?? 'asc') : spec.defaultSort.order;
  const ordered = !chosen && spec.defaultOrder ? spec.defaultOrder(q) : q;
  const [{ total }, rows] = await Promise.all([
    q.clearSelect().select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    // Empty values last in either direction, on both engines (PostgreSQL puts NULLs first when descending).
    ordered.orderBy(sql`${sql.ref(column(sortField))} is null`).orderBy(sortKey(db, def.fields[sortField]!.kind, column(sortField)), order).orderBy(`${spec.alias}.id`, order).limit(params.pageSize).offset((params.page - 1) * params.pageSize).execute(),
  ]);
  return { items: rows as Row[], total: Number(total), page: params.page, pageSize: params.pageSize };
}

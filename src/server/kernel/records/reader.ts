// A record type's reader: its ledger page and one record, both from one select of the record's table
// with its joins, always within the reader's data scope (a record outside it answers 404 like one
// that is not there), the page filtered, searched, sorted and paged by the record's definition
// (listPage), each row then turned into the view the API answers with.
import type { Expression, SqlBool } from 'kysely';
import type { Executor } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import type { DataScope } from '../auth/scope.ts';
import type { RecordDef } from '../../../shared/records.ts';
import { listPage, type ListParams, type ListSpec, type Page } from './list.ts';
import { rowInScope } from './read.ts';
import { chinaToday } from '../calendar/days.ts';

/** A record's running clock past its deadline today (inside `exists`: the record is overdue). */
export const runningPastDue = (eb: any, recordType: string, idColumn: string) =>
  eb.selectFrom('clocks as c').select('c.id').where('c.record_type', '=', recordType).whereRef('c.record_id', '=', idColumn).where('c.status', '=', 'running').where('c.due_date', '<', chinaToday());

export interface ReaderSpec<Row, V, Q> {
  def: RecordDef<any>;
  /** The record's Chinese name (the 404 of one outside the reader's scope). */
  what: string;
  /** Alias of the record's table in `query`; its unit column is `alias.unit_id`. */
  alias: string;
  /** The record's table with its joins and selects. */
  query: (db: Executor) => any;
  /** The views of rows (a page, or the one record): what they add from other tables is read once for all. */
  views: (platform: Platform, rows: Row[], scope: DataScope) => V[] | Promise<V[]>;
  defaultSort: ListSpec['defaultSort'];
  defaultOrder?: ListSpec['defaultOrder'];
  /** The keyword search through the text index (kernel/search textMatch). */
  textMatch?: (platform: Platform, q: string) => Expression<SqlBool>;
  /** The ledger filters by the record's workflow status (`status` in the query). */
  status?: boolean;
  /** The ledger keeps, with `overdue=true`, the records with a running clock past its deadline. */
  overdue?: boolean;
  /** Filters the definition cannot state, from the ledger's query (e.g. a parent record, a derived state). */
  filter?: (q: any, query: Q) => any;
}

export interface RecordReader<Row, V, Q> {
  def: RecordDef<any>;
  /** One page of the ledger, as its reader sees it. */
  list(platform: Platform, scope: DataScope, query: Q & ListParams): Promise<Page<V>>;
  /** The record's joined row, or 404 when it is not there or outside the reader's scope. */
  row(db: Executor, scope: DataScope, id: string): Promise<Row>;
  /** The record's view, or 404 as `row`. */
  get(platform: Platform, scope: DataScope, id: string): Promise<V>;
}

export function recordReader<Row extends { id: string; unit_id: string }, V, Q = ListParams>(spec: ReaderSpec<Row, V, Q>): RecordReader<Row, V, Q> {
  const { alias } = spec;
  const views = async (platform: Platform, rows: Row[], scope: DataScope): Promise<V[]> => (rows.length ? spec.views(platform, rows, scope) : []);
  const row = async (db: Executor, scope: DataScope, id: string): Promise<Row> => rowInScope(await spec.query(db).where(`${alias}.id`, '=', id).executeTakeFirst(), scope, spec.what);
  return {
    def: spec.def,
    row,
    async list(platform, scope, query) {
      let q = spec.query(platform.db);
      if (spec.status && query.status) q = q.where(`${alias}.status`, '=', query.status);
      if (spec.overdue && query.overdue === 'true') q = q.where((eb: any) => eb.exists(runningPastDue(eb, spec.def.type, `${alias}.id`)));
      if (spec.filter) q = spec.filter(q, query);
      const { textMatch } = spec;
      const listSpec: ListSpec = { alias, unitColumn: `${alias}.unit_id`, defaultSort: spec.defaultSort, defaultOrder: spec.defaultOrder, textMatch: textMatch && ((text) => textMatch(platform, text)) };
      const page = await listPage<Row>(platform.db, q, spec.def, listSpec, scope, query);
      return { ...page, items: await views(platform, page.items, scope) };
    },
    async get(platform, scope, id) {
      const [view] = await views(platform, [await row(platform.db, scope, id)], scope);
      return view!;
    },
  };
}

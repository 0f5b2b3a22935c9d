// Deltas of the summary tables, derived from each count figure's own compiled query. A write to a
// table moves the figure's counts by what the written rows contribute: the old row leaves its
// (figure, year, unit) cells, the new row enters its cells, in the writer's transaction.
//
// The figure's query for year Y is compiled at two sentinel years and two sentinel days; the values
// that follow the year become a reference to a relation of the years the summary tables hold for
// the figure ("__y"."__fy"), a value that follows the day becomes the day the stored set is as of
// ("__y"."__day"), and every other value is written into the SQL. One query then counts the figure
// for every stored year at once, which a trigger can run. How a table enters the query says how a
// write to it moves the counts:
// - linear: read once in the outer FROM/JOIN chain (the record's own table, a joined parent): each
//   result row comes from exactly one of its rows, so the change is (query over the new rows) −
//   (query over the old rows);
// - correlated: read once inside an EXISTS that names the outer record by a column of the table
//   (a record's clocks): the records it names are recounted before and after the write.
// A query of any other shape (NOT EXISTS, aggregates, outer joins, a table read twice, a value that
// depends on the year and the day at once) gets no delta: the engine recounts it (facts.ts).
import { createHash } from 'node:crypto';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db, Dialect } from '../db/index.ts';
import { chinaToday } from '../calendar/days.ts';
import type { IndicatorDef } from './registry.ts';

type CountDef = Extract<IndicatorDef, { kind: 'count' }>;

export type TableUse = { kind: 'linear'; alias: string; start: number; end: number } | { kind: 'correlated'; alias: string; start: number; end: number; column: string };

/** An equality the query joins two of its tables by: `table`.`column` = `other`.`otherColumn`. */
export interface Link {
  table: string;
  column: string;
  other: string;
  otherColumn: string;
}

export interface FigurePlan {
  code: string;
  /** The figure over every stored year (selects id, unit_id, __year); the years relation is `YEARS_MARK`. */
  sql: string;
  /** Of `sql`: a stored set counted under another definition is stale. */
  hash: string;
  /** Reads today's date (e.g. "overdue"): the stored set is as of a day and recounted the next. */
  dayDependent: boolean;
  tables: Map<string, TableUse>;
  /** Per table read, the columns the query names (a write to other columns cannot move the figure). */
  columns: Map<string, string[]>;
  /**
   * The equalities that tie its tables' rows into one counted record: an EXISTS's link to the record
   * (a clock's record_id = the record's id), a join's ON (a task's plan_id = the plan's id). Rows of
   * two tables that meet in one counted record agree on these columns' values (pgLocks).
   */
  links: Link[];
}

export type Analysis = { plan: FigurePlan; reason?: undefined } | { plan?: undefined; reason: string };

const YEARS_MARK = `(select 0 as __fy, '' as __day)`;
const SENTINEL_YEARS = [1901, 1902] as const;
// Days chinaToday accepts when pinned (FAZHI_TODAY), far from any real one.
const SENTINEL_DAYS = ['2099-06-15', '2099-07-16'] as const;

function withYears(def: CountDef, db: Db, year: number): SelectQueryBuilder<any, any, any> {
  return def.records(db, year).innerJoin(sql.raw(YEARS_MARK).as('__y') as any, (join: any) => join.onTrue()).select(sql.ref('__y.__fy').as('__year'));
}

/** Compiles with `FAZHI_TODAY` pinned (chinaToday reads it), to see which values follow the day. */
function compileAt(def: CountDef, db: Db, year: number, day: string) {
  const saved = process.env.FAZHI_TODAY;
  process.env.FAZHI_TODAY = day;
  try {
    return withYears(def, db, year).compile();
  } finally {
    if (saved === undefined) delete process.env.FAZHI_TODAY;
    else process.env.FAZHI_TODAY = saved;
  }
}

function literal(value: unknown, dialect: Dialect): string | null {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return dialect === 'postgres' ? String(value) : value ? '1' : '0';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return null;
}

/** What a parameter becomes: a literal, the year, a string built on the year, or the day. */
function parameterSql(a: unknown, b: unknown, c: unknown, dialect: Dialect): string | null {
  if (a === b && a === c) return literal(a, dialect);
  if (a !== b && a === c) {
    if (a === SENTINEL_YEARS[0] && b === SENTINEL_YEARS[1]) return '"__y"."__fy"';
    if (typeof a !== 'string' || typeof b !== 'string') return null;
    const template = a.replaceAll(String(SENTINEL_YEARS[0]), '\u0000');
    if (template !== b.replaceAll(String(SENTINEL_YEARS[1]), '\u0000') || !template.includes('\u0000')) return null;
    return `(${template.split('\u0000').map((part) => literal(part, dialect)).join(` || cast("__y"."__fy" as text) || `)})`;
  }
  if (a === b && a === SENTINEL_DAYS[0] && c === SENTINEL_DAYS[1]) return '"__y"."__day"';
  return null;
}

/** Replaces the placeholders (`?` on SQLite, `$n` on PostgreSQL) outside quoted text. */
function inline(text: string, values: (string | null)[], dialect: Dialect): string | null {
  let out = '';
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      out += text.slice(i, end + 1);
      i = end;
    } else if (dialect === 'sqlite' && ch === '?') {
      const v = values[next++];
      if (v == null) return null;
      out += v;
    } else if (dialect === 'postgres' && ch === '$' && /\d/.test(text[i + 1] ?? '')) {
      const digits = /^\d+/.exec(text.slice(i + 1))![0];
      const v = values[Number(digits) - 1];
      if (v == null) return null;
      out += v;
      i += digits.length;
    } else out += ch;
  }
  return out;
}

/** The text with string literals blanked (same length), so that words inside them do not count. */
const blankLiterals = (text: string) => text.replace(/'(?:[^']|'')*'/g, (m) => `'${' '.repeat(m.length - 2)}'`);

function depthAt(text: string, index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
  return depth;
}

/** The parenthesised span [open, close] around `index` at depth 1 (the subquery it belongs to). */
function enclosingSpan(text: string, index: number): [number, number] {
  let depth = 0;
  let open = -1;
  for (let i = index; i >= 0; i--) {
    if (text[i] === ')') depth++;
    if (text[i] === '(' && depth-- === 0) {
      open = i;
      break;
    }
  }
  depth = 0;
  for (let i = open; i < text.length; i++) {
    depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
    if (depth === 0) return [open, i];
  }
  return [open, text.length];
}

const UNSUPPORTED = /\bnot\s+exists\b|\bnot\s+in\s*\(\s*select\b|\bnot\s*\(|\b(left|right|full|cross)\s+join\b|\bgroup\s+by\b|\bhaving\b|\bunion\b|\bexcept\b|\bintersect\b|\blimit\b|\boffset\b|\bdistinct\b|\bover\s*\(|\b(count|sum|min|max|avg|total|group_concat|string_agg)\s*\(/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Works out how the figure takes deltas, or why it cannot. */
export function analyseFigure(def: CountDef, db: Db, dialect: Dialect, known: ReadonlySet<string>, columnsOf: (table: string) => readonly string[]): Analysis {
  const [a, b, c] = [compileAt(def, db, SENTINEL_YEARS[0], SENTINEL_DAYS[0]), compileAt(def, db, SENTINEL_YEARS[1], SENTINEL_DAYS[0]), compileAt(def, db, SENTINEL_YEARS[0], SENTINEL_DAYS[1])];
  if (a.sql !== b.sql || a.sql !== c.sql) return { reason: '查询的结构随年度或日期变化' };
  const values = a.parameters.map((p, i) => parameterSql(p, b.parameters[i], c.parameters[i], dialect));
  if (values.some((v) => v === null)) return { reason: '查询中有既随年度又随日期变化的值' };
  const text = inline(a.sql, values, dialect);
  if (!text) return { reason: '查询的参数无法内联' };
  // Today's date written in, not following the pinned day: the day comes from elsewhere.
  if (text.includes(`'${chinaToday()}'`)) return { reason: '查询含今天的日期，但不随所设日期变化' };
  const blank = blankLiterals(text);
  if (UNSUPPORTED.test(blank)) return { reason: '查询含 NOT EXISTS、聚合、外连接或集合运算' };
  if (/\bfrom\s+"[^"]+"(?:\s+as\s+"[^"]+")?\s*,/i.test(blank)) return { reason: '查询以逗号连接表' };
  // A table named in raw SQL without quotes would escape the triggers.
  const bare = [...blank.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*)\b/gi)].find((m) => known.has(m[1]!));
  if (bare) return { reason: `查询中的表 ${bare[1]} 未加引号` };

  const occurrences = [...blank.matchAll(/\b(?:from|join)\s+"([a-z_][a-z0-9_]*)"(?:\s+as\s+"([^"]+)")?/gi)]
    .filter((m) => known.has(m[1]!))
    .map((m) => ({ table: m[1]!, alias: m[2] ?? m[1]!, start: m.index!, end: m.index! + m[0].length, depth: depthAt(blank, m.index!) }));
  const outer = occurrences.filter((o) => o.depth === 0);
  const key = /^select\s+(?:"([^"]+)"\.)?"id"\s*,/i.exec(blank);
  const base = key && (key[1] ? outer.find((o) => o.alias === key[1]) : outer.length === 1 ? outer[0] : undefined);
  if (!base) return { reason: '查询的记录编号不取自外层的表' };

  const tables = new Map<string, TableUse>();
  const columns = new Map<string, string[]>();
  const links: Link[] = [];
  const tableOf = new Map(occurrences.map((o) => [o.alias, o.table]));
  // Every word of the query after its select list, quoted or not (a raw fragment such as
  // t.code || t.title), and the record's id and unit: a column of a table it reads that is not
  // among them (a title) cannot move the figure.
  const outerFrom = [...blank.matchAll(/\bfrom\b/gi)].find((m) => depthAt(blank, m.index!) === 0)!.index!;
  const named = new Set(['id', 'unit_id', ...[...blank.slice(outerFrom).matchAll(/[a-z_][a-z0-9_]*/gi)].map((m) => m[0].toLowerCase())]);
  for (const table of new Set(occurrences.map((o) => o.table))) {
    const mine = occurrences.filter((o) => o.table === table);
    if (mine.length !== 1) return { reason: `查询读取 ${table} 不止一次` };
    const o = mine[0]!;
    if (o.depth === 0) {
      tables.set(table, { kind: 'linear', alias: o.alias, start: o.start, end: o.end });
      links.push(...joinLinks(blank, o.end, tableOf));
    } else {
      const [open, close] = enclosingSpan(blank, o.start);
      if (o.depth !== 1 || !/\bexists\s*$/i.test(blank.slice(0, open))) return { reason: `${table} 不在外层查询的 EXISTS 子查询中` };
      const span = blank.slice(open, close);
      const outerKey = `"${escape(base.alias)}"\\."id"`;
      const mineRef = `"${escape(o.alias)}"\\."([a-z_][a-z0-9_]*)"`;
      const link = new RegExp(`${mineRef}\\s*=\\s*${outerKey}|${outerKey}\\s*=\\s*${mineRef}`, 'i').exec(span);
      if (!link) return { reason: `${table} 的子查询不以一列对应外层记录` };
      if (!columnsOf(table).includes('id')) return { reason: `${table} 没有 id 列` };
      tables.set(table, { kind: 'correlated', alias: o.alias, start: o.start, end: o.end, column: (link[1] ?? link[2])! });
      links.push({ table, column: (link[1] ?? link[2])!, other: base.table, otherColumn: 'id' });
    }
    columns.set(table, columnsOf(table).filter((col) => named.has(col)));
  }
  return {
    plan: { code: def.code, sql: text, hash: createHash('sha256').update(text).digest('hex').slice(0, 16), dayDependent: values.includes('"__y"."__day"'), tables, columns, links },
  };
}

/**
 * The equalities of a join's ON clause (`on "p"."id" = "t"."plan_id" and …`) between two tables of
 * the query, read from just after the joined table. A clause with an OR or parentheses gives none:
 * its equalities need not hold for every joined pair.
 */
function joinLinks(blank: string, after: number, tableOf: ReadonlyMap<string, string>): Link[] {
  const on = /^\s+on\s+/i.exec(blank.slice(after));
  if (!on) return [];
  const rest = blank.slice(after + on[0].length);
  const clause = rest.slice(0, rest.search(/\s+(?:inner\s+join|join|where|group\s+by|order\s+by)\b|$/i));
  if (/[()]|\bor\b/i.test(clause)) return [];
  const out: Link[] = [];
  for (const part of clause.split(/\s+and\s+/i)) {
    const m = /^"([^"]+)"\."([a-z_][a-z0-9_]*)"\s*=\s*"([^"]+)"\."([a-z_][a-z0-9_]*)"$/i.exec(part.trim());
    const [table, other] = [m && tableOf.get(m[1]!), m && tableOf.get(m[3]!)];
    if (m && table && other && table !== other) out.push({ table, column: m[2]!, other, otherColumn: m[4]! });
  }
  return out;
}

/** The years relation of a figure: the stored sets (and the day each is as of). */
function years(plan: FigurePlan, dialect: Dialect): string {
  const day = dialect === 'sqlite' ? 'substr(stamp, -10)' : 'right(stamp, 10)';
  return `(select year as __fy, ${day} as __day from indicator_fact_sets where code = ${literal(plan.code, dialect)})`;
}

/** The figure over every stored year, with `table` read from `relation` (SQL) instead, when given. */
export function figureSql(plan: FigurePlan, dialect: Dialect, table?: string, relation?: string): string {
  let text = plan.sql;
  if (table && relation) {
    const use = plan.tables.get(table)!;
    text = `${text.slice(0, use.start)}${/^from/i.test(text.slice(use.start)) ? 'from' : 'join'} ${relation} as "${use.alias}"${text.slice(use.end)}`;
  }
  return text.replace(YEARS_MARK, years(plan, dialect));
}

type Op = 'insert' | 'update' | 'delete';

/** One signed count per (figure, year, unit) from a query: `select code, year, unit_id, n`. */
const counted = (code: string, sign: 1 | -1, from: string, where = '') => `select '${code}' as code, x."__year" as year, coalesce(x."unit_id", '') as unit_id, ${sign} as n from (${from}) as x${where}`;

const sumUp = (parts: string[]) => `select code, year, unit_id, sum(n) as n from (${parts.join('\n union all ')}) as d group by code, year, unit_id having sum(n) <> 0`;

/** SQLite: the row of a row trigger as a one-row relation. */
const rowOf = (row: 'NEW' | 'OLD', cols: readonly string[]) => `(select ${cols.map((c) => `${row}."${c}" as "${c}"`).join(', ')})`;

export interface TriggerSql {
  name: string;
  /** Statements that create it (a PostgreSQL function, then its trigger). */
  create: string[];
}

const triggerName = (table: string, what: string, body: string) => `indicator_delta_${table}_${what}_${createHash('sha256').update(body).digest('hex').slice(0, 8)}`;

/**
 * SQLite: row triggers on `table`. Linear figures move by the new row minus the old row after the
 * write; correlated figures recount the records the row names, subtracting before the write and
 * adding after it (SQLite runs BEFORE, the write and AFTER row by row).
 */
export function sqliteTriggers(table: string, plans: readonly FigurePlan[], cols: readonly string[], when: ((row: 'NEW' | 'OLD') => string) | null): TriggerSql[] {
  const out: TriggerSql[] = [];
  const watched = [...new Set(plans.flatMap((p) => p.columns.get(table) ?? []))];
  for (const op of ['insert', 'update', 'delete'] as Op[]) {
    const rows: ('NEW' | 'OLD')[] = op === 'insert' ? ['NEW'] : op === 'delete' ? ['OLD'] : ['OLD', 'NEW'];
    const after: string[] = [];
    const before: string[] = [];
    for (const plan of plans) {
      const use = plan.tables.get(table)!;
      if (use.kind === 'linear') {
        for (const row of rows) after.push(counted(plan.code, row === 'NEW' ? 1 : -1, figureSql(plan, 'sqlite', table, rowOf(row, cols))));
      } else {
        const where = ` where x."id" in (${rows.map((r) => `${r}."${use.column}"`).join(', ')})`;
        before.push(counted(plan.code, -1, figureSql(plan, 'sqlite'), where));
        after.push(counted(plan.code, 1, figureSql(plan, 'sqlite'), where));
      }
    }
    const event = op === 'update' ? `update of ${watched.map((c) => `"${c}"`).join(', ')}` : op;
    // An UPDATE that names a column without changing it (a command writing back every field) moves nothing.
    const changed = op === 'update' ? `(${watched.map((c) => `OLD."${c}" is not NEW."${c}"`).join(' or ')})` : null;
    const conditions = [when ? `(${rows.map(when).join(' or ')})` : null, changed].filter(Boolean);
    const condition = conditions.length ? ` when ${conditions.join(' and ')}` : '';
    for (const [timing, parts] of [['before', before], ['after', after]] as const) {
      if (!parts.length) continue;
      const body = `insert into indicator_facts (code, year, unit_id, n) select * from (${sumUp(parts)}) where true on conflict (code, year, unit_id) do update set n = indicator_facts.n + excluded.n`;
      const name = triggerName(table, `${timing}_${op}`, `${event}${condition}${body}`);
      out.push({ name, create: [`create trigger "${name}" ${timing} ${event} on "${table}"${condition} begin ${body}; end`] });
    }
  }
  return out;
}

/** A PostgreSQL function option: the function's statements run without JIT compilation. */
export const NO_JIT = 'set jit = off';

/** Rows of a table that matter to a lock: those whose `column` is one of `values` (clocks of some record types). */
export interface RowFilter {
  column: string;
  values: readonly string[];
}

export interface PgLock {
  /** The lock's name: a class of joined columns (per joined key), or a pair of tables (one lock). */
  key: string;
  /** This table's column whose values are the joined keys, one lock each; null: one lock for the name. */
  column: string | null;
  /** Only for rows that match; null: every row. */
  filter: RowFilter | null;
}

/** Past this many joined keys in one statement, a writer takes its class's one lock instead (a bulk write). */
export const BULK_KEYS = 32;

/**
 * Joined keys share this many locks per class (a key's lock is its hash modulo this): a lock per
 * record would pile up in a long transaction (a calendar change recomputing every open clock, an
 * import of 100,000 rows) until PostgreSQL's shared lock table ran out; with buckets a transaction
 * holds at most this many per class, and two writers of different records wait for each other only
 * when their records share a bucket.
 */
export const LOCK_BUCKETS = 64;

/**
 * PostgreSQL: the advisory locks a writer of `table` takes so that no delta misses a row another
 * transaction has written but not committed. Two writes can only miss each other when their rows
 * meet in one counted record of a figure: a record and its clocks (the same record id), a task and
 * its plan (the same plan id), two clocks of one record. Such rows agree on the columns the figure
 * joins them by (its links), so the lock is per value of that joined key — the record, the plan —
 * and writers of different records of the same type never wait for each other. Two tables of a
 * figure that no equality joins directly (a plan and its tasks' clocks) share one lock for the pair.
 * Figures reading one table, and rows of one table counted on their own (linear), need none: the
 * new rows' own delta is exact, and PostgreSQL's row locks order writes to the same row.
 */
export function pgLocks(table: string, plans: readonly FigurePlan[], filterOf: (plan: FigurePlan, table: string) => RowFilter | null): PgLock[] {
  const out = new Map<string, PgLock>();
  const add = (lock: PgLock) => {
    const id = `${lock.key}|${lock.column ?? ''}`;
    const had = out.get(id);
    if (!had) out.set(id, lock);
    else if (had.filter) had.filter = lock.filter ? { column: had.filter.column, values: [...new Set([...had.filter.values, ...lock.filter.values])].sort() } : null;
  };
  for (const plan of plans) {
    if (!plan.tables.has(table) || plan.tables.size < 2) continue;
    const classes = linkClasses(plan);
    const filter = filterOf(plan, table);
    for (const other of plan.tables.keys()) {
      // Rows of one table meet in one counted record only through an EXISTS (two clocks of a record).
      if (other === table && plan.tables.get(table)!.kind !== 'correlated') continue;
      const use = plan.tables.get(table)!;
      const mine = other === table && use.kind === 'correlated' ? (n: { table: string; column: string }) => n.table === table && n.column === use.column : (n: { table: string }) => n.table === table;
      const shared = classes.find((c) => c.some(mine) && c.some((n) => n.table === other));
      if (shared) add({ key: shared.map((n) => `${n.table}.${n.column}`).join('='), column: shared.find(mine)!.column, filter });
      else add({ key: [table, other].sort().join('~'), column: null, filter });
    }
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key) || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** A plan's joined columns, in classes of columns equal to one another (sorted, each class sorted). */
function linkClasses(plan: FigurePlan): { table: string; column: string }[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const l of plan.links) {
    const [a, b] = [find(`${l.table}.${l.column}`), find(`${l.other}.${l.otherColumn}`)];
    if (a !== b) parent.set(a, b);
  }
  const classes = new Map<string, string[]>();
  for (const node of new Set(plan.links.flatMap((l) => [`${l.table}.${l.column}`, `${l.other}.${l.otherColumn}`]))) classes.set(find(node), [...(classes.get(find(node)) ?? []), node]);
  return [...classes.values()].map((c) => c.sort().map((n) => ({ table: n.slice(0, n.indexOf('.')), column: n.slice(n.indexOf('.') + 1) }))).sort((a, b) => `${a[0]!.table}.${a[0]!.column}`.localeCompare(`${b[0]!.table}.${b[0]!.column}`));
}

/** SQL: the lock bucket of a joined key (`key`: a text expression). */
export const lockBucket = (key: string): string => `(hashtext(${key}) & ${LOCK_BUCKETS - 1})`;

/** SQL: the advisory lock of a class (`suffix`: of one of its buckets) in a schema (`schema`: a text expression). */
export const lockName = (schema: string, key: string, suffix = '') => `hashtextextended(${schema} || ':fazhi-indicators:${key}'${suffix}, 0)`;

/** The statements of a trigger function that take a lock for the statement's rows (`sets`). */
function lockSql(lock: PgLock, sets: readonly string[]): string[] {
  const name = (suffix = '') => lockName('TG_TABLE_SCHEMA', lock.key, suffix);
  const where = lock.filter ? ` where "${lock.filter.column}" in (${lock.filter.values.map((v) => `'${v}'`).join(', ')})` : '';
  if (!lock.column) {
    const take = `perform pg_advisory_xact_lock(${name()});`;
    return [lock.filter ? `if ${sets.map((s) => `exists (select 1 from ${s}${where})`).join(' or ')} then ${take} end if;` : take];
  }
  // Buckets in order, so that two statements locking the same buckets cannot deadlock on each other.
  // A bulk write takes the class's lock exclusively; a write of a few records shares it and takes
  // each record's bucket, so that the two kinds still exclude each other.
  const keys = sets.map((s) => `select "${lock.column}"::text as k from ${s}${where}`).join(' union ');
  return [
    `select array_agg(k) into keys from (${keys}) as s where k is not null;`,
    `if cardinality(keys) > ${BULK_KEYS} then perform pg_advisory_xact_lock(${name()});`,
    `elsif keys is not null then perform pg_advisory_xact_lock_shared(${name()}); perform pg_advisory_xact_lock(${name(" || ':' || b")}) from unnest(array(select distinct ${lockBucket('k')} from unnest(keys) as k order by 1)) as b;`,
    'end if;',
  ];
}

/**
 * PostgreSQL: statement triggers with the statement's old and new rows. Deltas are appended to
 * indicator_deltas (folded into indicator_facts later), so concurrent writers never wait on a
 * shared summary row. Writers of rows that one figure counts together take an advisory lock per
 * joined key first (pgLocks), so that each one's delta reads the other's committed rows.
 */
export function pgTriggers(table: string, plans: readonly FigurePlan[], locks: readonly PgLock[]): TriggerSql[] {
  const out: TriggerSql[] = [];
  const watched = [...new Set(plans.flatMap((p) => p.columns.get(table) ?? []))];
  for (const op of ['insert', 'update', 'delete'] as Op[]) {
    const sets = op === 'insert' ? ['new_rows'] : op === 'delete' ? ['old_rows'] : ['old_rows', 'new_rows'];
    const parts: string[] = [];
    for (const plan of plans) {
      const use = plan.tables.get(table)!;
      if (use.kind === 'linear') {
        for (const set of sets) parts.push(counted(plan.code, set === 'new_rows' ? 1 : -1, figureSql(plan, 'postgres', table, set)));
        continue;
      }
      const mentioned = sets.map((s) => `select "${use.column}" from ${s}`).join(' union ');
      const named = ` where x."id" in (${mentioned})`;
      // Only the rows of the records named can meet them in the EXISTS; saying so lets the planner
      // look them up by index (it does not push the EXISTS's join into a UNION: on one foi request's
      // clock stopped, the whole clocks table was scanned, 600 ms at a county's 712,000 clocks).
      const theirs = `"${use.column}" in (${mentioned})`;
      const others = `select * from "${table}" where ${theirs}${op === 'delete' ? '' : ` and "id" not in (select "id" from new_rows)`}`;
      const beforeWrite = `(${others}${op === 'insert' ? '' : ' union all select * from old_rows'})`;
      parts.push(counted(plan.code, 1, figureSql(plan, 'postgres'), named), counted(plan.code, -1, figureSql(plan, 'postgres', table, beforeWrite), named));
    }
    const lines: string[] = [];
    if (op === 'update' && watched.includes('id')) {
      const differ = watched.map((c) => `n."${c}" is distinct from o."${c}"`).join(' or ');
      lines.push(`if not exists (select 1 from new_rows n full join old_rows o on o."id" = n."id" where o."id" is null or n."id" is null or ${differ}) then return null; end if;`);
    }
    for (const lock of locks) lines.push(...lockSql(lock, sets));
    lines.push(`insert into indicator_deltas (code, year, unit_id, n) ${sumUp(parts)};`, 'return null;');
    const body = `${locks.some((l) => l.column) ? 'declare keys text[];\n' : ''}begin\n${lines.join('\n')}\nend`;
    // Without JIT: the figures' queries over the statement's rows run in milliseconds, but their
    // estimated cost (hundreds of thousands at province scale) set off JIT compilation of ~490
    // functions, 10–11 s on every clock write at 6 M records.
    const name = triggerName(table, op, `${NO_JIT}\n${body}`);
    const referencing = sets.map((s) => (s === 'new_rows' ? 'new table as new_rows' : 'old table as old_rows')).join(' ');
    out.push({
      name,
      create: [
        `create or replace function "${name}"() returns trigger language plpgsql ${NO_JIT} as $fazhi$\n${body}\n$fazhi$`,
        `create trigger "${name}" after ${op} on "${table}" referencing ${referencing} for each statement execute function "${name}"()`,
      ],
    });
  }
  // TRUNCATE has no rows: the figures that read the table are counted afresh on next use.
  const codes = plans.map((p) => `'${p.code}'`).join(', ');
  const body = `begin\ndelete from indicator_fact_sets where code in (${codes});\ndelete from indicator_deltas where code in (${codes});\nreturn null;\nend`;
  const name = triggerName(table, 'truncate', body);
  out.push({
    name,
    create: [
      `create or replace function "${name}"() returns trigger language plpgsql as $fazhi$\n${body}\n$fazhi$`,
      `create trigger "${name}" after truncate on "${table}" for each statement execute function "${name}"()`,
    ],
  });
  return out;
}

// Global search: every record type with a workflow (it names the read permission, the table, the
// title column and the record's page) is searchable by its ref and the fields its definition flags
// `search` — never by sealed personal data, which is stored as ciphertext. The index is derived, like
// the figures' triggers: on SQLite an FTS5 trigram table per record table kept by triggers, on
// PostgreSQL a pg_trgm GIN index on the same text. Queries of one or two characters (a trigram needs
// three) fall back to LIKE.
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import type { Db, Dialect, Executor } from '../db/index.ts';
import { likeEscape } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import { scoped } from '../auth/scope.ts';
import { entries } from '../../../shared/records.ts';
import { stateLabels, type WorkflowDef } from '../../../shared/workflow.ts';
import { GRAMS_FUNCTION, grams } from './grams.ts';
import { COUNT_CAP, TRIGRAM_MIN, type SearchGroup, type SearchHit } from '../../../shared/schemas/search.ts';

/** Every derived search object's name starts with this (backups leave them out). */
export const SEARCH_PREFIX = 'search_';

/** A searchable record type: its workflow's names and permission, and what is searched. */
export interface SearchTarget extends Pick<WorkflowDef, 'recordType' | 'title' | 'table' | 'titleColumn' | 'readPermission' | 'linkPrefix'> {
  /** Columns whose text is searched: ref first, then the definition's `search` fields. */
  columns: readonly string[];
  /** The short ones (not long text): one- and two-character words are looked up in these (SQLite). */
  shortColumns: readonly string[];
  statusLabels: Readonly<Record<string, string>>;
  hasRef?: boolean;
}

export function searchTargets(platform: Pick<Platform, 'workflows' | 'records'>): SearchTarget[] {
  const out: SearchTarget[] = [];
  for (const flow of platform.workflows.values()) {
    const record = platform.records.get(flow.recordType);
    if (!record || record.table !== flow.table) continue;
    const searched = entries(record).filter(([, f]) => f.search && !f.sealed);
    const fields = searched.map(([, f]) => f.column);
    const short = searched.filter(([, f]) => f.kind !== 'longText').map(([, f]) => f.column);
    out.push({
      recordType: flow.recordType,
      title: flow.title,
      table: flow.table,
      titleColumn: flow.titleColumn,
      readPermission: flow.readPermission,
      linkPrefix: flow.linkPrefix,
      columns: [...new Set(['ref', flow.titleColumn, ...fields])],
      shortColumns: [...new Set(['ref', flow.titleColumn, ...short])],
      statusLabels: stateLabels(flow),
    });
  }
  return out;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`标识符不合法：${name}`);
  return `"${name}"`;
};

/** The searched text of a row: its columns joined by spaces (IMMUTABLE on PostgreSQL, so it can be indexed). */
const textOf = (columns: readonly string[], row = '') => columns.map((c) => `coalesce(${row}${ident(c)}, '')`).join(` || ' ' || `);

const signature = (target: SearchTarget) => createHash('sha256').update(`${target.columns.join(',')}|${target.shortColumns.join(',')}`).digest('hex').slice(0, 8);

function sqliteObjects(target: SearchTarget) {
  const fts = `${SEARCH_PREFIX}${target.table}`;
  const table = ident(target.table);
  const short = `${fts}_grams`;
  const insert = `insert into ${ident(fts)}(rowid, id, body) values (new.rowid, new.id, ${textOf(target.columns, 'new.')}); insert into ${ident(short)}(rowid, g) values (new.rowid, ${GRAMS_FUNCTION}(${textOf(target.shortColumns, 'new.')}))`;
  const remove = `delete from ${ident(fts)} where rowid = old.rowid; delete from ${ident(short)} where rowid = old.rowid`;
  const watched = target.columns.map(ident).join(', ');
  return {
    fts,
    short,
    // Written as sqlite_master keeps them (its first keywords in capitals, nothing after the closing
    // parenthesis), so that an unchanged index compares equal and is not refilled at every start
    // (50 s on a county's data). The triggers name the searched columns: other fields, other triggers.
    create: `CREATE VIRTUAL TABLE ${ident(fts)} using fts5(id unindexed, body, tokenize = 'trigram')`,
    // Characters and pairs of the short columns, as words (contentless: the main table holds the text).
    createShort: `CREATE VIRTUAL TABLE ${ident(short)} using fts5(g, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`,
    triggers: [
      `CREATE TRIGGER ${ident(`${fts}_ai`)} after insert on ${table} begin ${insert}; end`,
      `CREATE TRIGGER ${ident(`${fts}_ad`)} after delete on ${table} begin ${remove}; end`,
      `CREATE TRIGGER ${ident(`${fts}_au`)} after update of ${watched} on ${table} begin ${remove}; ${insert}; end`,
    ],
    fill: [
      `insert into ${ident(fts)}(rowid, id, body) select rowid, id, ${textOf(target.columns)} from ${table}`,
      `insert into ${ident(short)}(rowid, g) select rowid, ${GRAMS_FUNCTION}(${textOf(target.shortColumns)}) from ${table}`,
    ],
  };
}

/**
 * Creates or refreshes the index. On SQLite the FTS table holds each row under the row's rowid; a
 * migration that rebuilt a table may have renumbered its rowids, so the index is refilled when its
 * definition changed or it is out of step with its table (inStep).
 */
export async function installSearch(db: Db, dialect: Dialect, wanted: readonly SearchTarget[]): Promise<SearchTarget[]> {
  const targets = await withColumnsPresent(db, dialect, wanted);
  if (dialect === 'sqlite') {
    // Checked before taking the write lock: counting a county's tables under it held back every
    // writer, and a server worker opening meanwhile gave up ("database is locked"). A writer racing
    // the counts can only make a target look stale; it is checked again under the lock.
    const stale: SearchTarget[] = [];
    for (const target of targets) if (!(await sqliteIndexCurrent(db, target))) stale.push(target);
    if (!stale.length) return targets;
    await db.transaction().execute(async (tx) => {
      for (const target of stale) {
        if (await sqliteIndexCurrent(tx, target)) continue;
        const o = sqliteObjects(target);
        for (const suffix of ['_ai', '_ad', '_au']) await sql.raw(`drop trigger if exists ${ident(o.fts + suffix)}`).execute(tx);
        await sql.raw(`drop table if exists ${ident(o.fts)}`).execute(tx);
        await sql.raw(`drop table if exists ${ident(o.short)}`).execute(tx);
        await sql.raw(o.create).execute(tx);
        await sql.raw(o.createShort).execute(tx);
        for (const statement of o.fill) await sql.raw(statement).execute(tx);
        for (const t of o.triggers) await sql.raw(t).execute(tx);
      }
    });
    return targets;
  }
  await db.transaction().execute(async (tx) => {
    // Two processes starting at once would race to create the extension and the indexes.
    await sql`select pg_advisory_xact_lock(hashtext('fazhi_search_index'))`.execute(tx);
    await sql`create extension if not exists pg_trgm schema public`.execute(tx);
    for (const target of targets) {
      const name = `${SEARCH_PREFIX}${target.table}_${signature(target)}`;
      const stale = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = ${target.table} and indexname like ${`${SEARCH_PREFIX}%`} and indexname <> ${name}`.execute(tx);
      for (const s of stale.rows) await sql.raw(`drop index if exists ${ident(s.name)}`).execute(tx);
      await sql.raw(`create index if not exists ${ident(name)} on ${ident(target.table)} using gin ((${textOf(target.columns)}) public.gin_trgm_ops)`).execute(tx);
    }
  });
  return targets;
}

/** Not every record table has a ref (an annual report is named by unit and year): search the columns it has. */
async function withColumnsPresent(db: Db, dialect: Dialect, targets: readonly SearchTarget[]): Promise<SearchTarget[]> {
  const out: SearchTarget[] = [];
  for (const target of targets) {
    const { rows } =
      dialect === 'sqlite'
        ? await sql<{ c: string }>`select name as c from pragma_table_info(${target.table})`.execute(db)
        : await sql<{ c: string }>`select column_name as c from information_schema.columns where table_schema = current_schema() and table_name = ${target.table}`.execute(db);
    const present = new Set(rows.map((r) => r.c));
    const missing = target.columns.filter((c) => c !== 'ref' && !present.has(c));
    if (missing.length) throw new Error(`搜索字段在表 ${target.table} 中不存在：${missing.join('、')}`);
    out.push({ ...target, columns: target.columns.filter((c) => present.has(c)), shortColumns: target.shortColumns.filter((c) => present.has(c)), hasRef: present.has('ref') });
  }
  return out;
}

/** SQLite: the target's index has the wanted definitions and mirrors its table. */
async function sqliteIndexCurrent(executor: Executor, target: SearchTarget): Promise<boolean> {
  const o = sqliteObjects(target);
  const existing = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where name in (${o.fts}, ${o.short}) or name like ${`${o.fts}\\_a_`} escape '\\'`.execute(executor);
  const current = new Map(existing.rows.map((r) => [r.name, r.sql]));
  const same = current.get(o.fts) === o.create && current.get(o.short) === o.createShort && o.triggers.every((t) => [...current.values()].includes(t));
  return same && (await inStep(executor, o.fts, target.table)) && (await rowCount(executor, `${o.short}_docsize`)) === (await rowCount(executor, target.table));
}

const rowCount = async (tx: Executor, table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(tx)).rows[0]!.n);

/**
 * Whether the FTS table still mirrors its table: as many rows, and the first and last rowids name the
 * same records (a rebuilt table renumbers its rowids; checking every row would cost a full refill).
 */
async function inStep(tx: Executor, fts: string, table: string): Promise<boolean> {
  // The FTS table's docsize shadow table has one row per document and counts like a plain table (count(*) on the FTS table itself walks the index).
  const counts = await sql<{ a: number; b: number }>`select (select count(*) from ${sql.table(`${fts}_docsize`)}) as a, (select count(*) from ${sql.table(table)}) as b`.execute(tx);
  if (Number(counts.rows[0]!.a) !== Number(counts.rows[0]!.b)) return false;
  const ends = await sql<{ same: number }>`select count(*) as same from ${sql.table(fts)} s join ${sql.table(table)} t on t.rowid = s.rowid and t.id = s.id
    where s.rowid in ((select min(rowid) from ${sql.table(fts)}), (select max(rowid) from ${sql.table(fts)}))`.execute(tx);
  return Number(counts.rows[0]!.a) === 0 || Number(ends.rows[0]!.same) === (Number(counts.rows[0]!.a) === 1 ? 1 : 2);
}

/** Words of the query: each must match (AND), in any order. */
const termsOf = (q: string) => [...new Set(q.split(/\s+/).filter(Boolean))].slice(0, 5);

/** The FTS5 phrase for one term (quotes doubled, so the user's text is never FTS syntax). */
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * The records of one target matching every term, in the reader's scope: the newest first, and how
 * many (up to the cap). Both branches walk the newest rows first and stop at the cap, so a common
 * word costs no more than a rare one: SQLite in the FTS table's rowid order (the table's own), the
 * rows in scope joined by primary key; PostgreSQL by id (ids grow with time).
 */
async function searchTarget(platform: Platform, ctx: RequestContext, target: SearchTarget, terms: string[], unitIds: readonly string[], limit: number): Promise<SearchGroup | null> {
  const { db } = platform;
  const t = (column: string) => sql.ref(`t.${column}`);
  const sqlite = platform.dialect === 'sqlite';
  const inScope = (q: any) => scoped(q, ctx.scope, 't.unit_id');
  let byText: any;
  if (sqlite) {
    const fts = `${SEARCH_PREFIX}${target.table}`;
    const long = terms.filter((w) => [...w].length >= TRIGRAM_MIN);
    const short = terms.filter((w) => [...w].length < TRIGRAM_MIN);
    // Short words are looked up among the characters and pairs of the short columns, then checked as
    // substrings; long ones in the trigram index. Whichever index drives walks newest first.
    // A word of punctuation only has no indexed form: the substring check alone finds it.
    const indexable = short.filter((w) => /[\p{L}\p{N}]/u.test(w));
    const shortMatch = indexable.map((w) => phrase(grams(w).split(' ').find((g) => [...g].length === [...w].length) ?? w)).join(' AND ');
    const byGrams = !long.length && indexable.length > 0;
    if (byGrams) byText = (db as any).selectFrom(`${fts}_grams as g`).innerJoin(`${fts} as s`, 's.rowid', 'g.rowid').where(sql`g.g match ${shortMatch}`);
    else {
      byText = (db as any).selectFrom(`${fts} as s`);
      if (long.length) byText = byText.where(sql`s.body match ${long.map(phrase).join(' AND ')}`);
      if (long.length && indexable.length) byText = byText.where(sql`s.rowid in (select rowid from ${sql.table(`${fts}_grams`)} where g match ${shortMatch})`);
    }
    byText = byText.select(sql<string>`s.id`.as('id'));
    if (!ctx.scope.all) byText = inScope(byText.innerJoin(`${target.table} as t`, 't.id', 's.id'));
    for (const w of short) byText = byText.where(sql`s.body like ${`%${likeEscape(w)}%`} escape '\\'`);
    byText = byText.orderBy(sql`${sql.raw(byGrams ? 'g' : 's')}.rowid`, 'desc');
  } else {
    const text = sql.raw(textOf(target.columns, 't.'));
    byText = inScope((db as any).selectFrom(`${target.table} as t`).select('t.id'));
    for (const w of terms) byText = byText.where(sql`${text} ilike ${`%${likeEscape(w)}%`} escape '\\'`);
    byText = byText.orderBy('t.id', 'desc');
  }
  const byUnit = unitIds.length ? inScope((db as any).selectFrom(`${target.table} as t`).select('t.id').where('t.unit_id', 'in', unitIds)).orderBy(sqlite ? sql`t.rowid` : sql`t.id`, 'desc') : null;
  const ids = new Set<string>();
  for (const q of [byText, byUnit]) {
    if (!q || ids.size > COUNT_CAP) continue;
    for (const r of await q.limit(COUNT_CAP + 1).execute()) ids.add(r.id);
  }
  if (!ids.size) return null;
  const top = [...ids].slice(0, limit);
  const numbering = platform.caseNumbers.get(target.recordType);
  const rows = await (db as any)
    .selectFrom(`${target.table} as t`)
    .leftJoin('org_units as u', 'u.id', 't.unit_id')
    .select([sql<string>`t.id`.as('id'), (target.hasRef ? sql<string | null>`t.ref` : sql<null>`null`).as('ref'), (numbering ? sql<string | null>`${sql.ref(`t.${numbering.column}`)}` : sql<null>`null`).as('caseNumber'), sql<string>`${t(target.titleColumn)}`.as('title'), sql<string | null>`t.status`.as('status'), sql<string | null>`u.name`.as('unitName')])
    .where('t.id', 'in', top)
    .execute();
  const order = new Map(top.map((id, i) => [id, i]));
  rows.sort((a: any, b: any) => order.get(a.id)! - order.get(b.id)!);
  const items: SearchHit[] = rows.map((r: any) => ({ id: r.id, ref: r.ref, caseNumber: r.caseNumber, title: String(r.title ?? ''), status: r.status, statusLabel: r.status ? (target.statusLabels[r.status] ?? null) : null, unitName: r.unitName, link: `${target.linkPrefix}${r.id}` }));
  return { type: target.recordType, title: target.title, total: Math.min(ids.size, COUNT_CAP + 1), items };
}

/**
 * A condition for a record list's keyword box or a public library (rows of `table` queried as
 * `alias` whose searched text holds every word of `q`), through the same index as global search:
 * SQLite's trigram FTS table for words of three characters or more, PostgreSQL's pg_trgm index on the
 * same expression; shorter words by substring.
 */
export function textMatch(platform: Pick<Platform, 'dialect' | 'searchTargets'>, table: string, alias: string, q: string) {
  const target = platform.searchTargets.find((t) => t.table === table);
  if (!target) throw new Error(`表 ${table} 没有搜索索引`);
  const terms = termsOf(q);
  if (!terms.length) return sql<boolean>`1 = 1`;
  const text = sql.raw(textOf(target.columns, `${ident(alias)}.`));
  const like = sql.raw(platform.dialect === 'sqlite' ? 'like' : 'ilike');
  const substring = (w: string) => sql<boolean>`${text} ${like} ${`%${likeEscape(w)}%`} escape '\\'`;
  if (platform.dialect !== 'sqlite') return sql<boolean>`(${sql.join(terms.map(substring), sql` and `)})`;
  const long = terms.filter((w) => [...w].length >= TRIGRAM_MIN);
  const conditions = terms.filter((w) => [...w].length < TRIGRAM_MIN).map(substring);
  if (long.length) conditions.push(sql<boolean>`${sql.ref(`${alias}.rowid`)} in (select rowid from ${sql.table(`${SEARCH_PREFIX}${table}`)} where body match ${long.map(phrase).join(' AND ')})`);
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

/** The reader's matches, grouped by record type: only the types the reader may read, only in the reader's scope. */
export async function search(platform: Platform, ctx: RequestContext, q: string, limit: number): Promise<SearchGroup[]> {
  const terms = termsOf(q);
  // A unit's name (two characters or more: "局" alone would name every bureau) finds its records too.
  const unitIds =
    [...q.trim()].length >= 2
      ? (await scoped(platform.db.selectFrom('org_units').select('id'), ctx.scope, 'id').where(sql<boolean>`lower(name) like lower(${`%${likeEscape(q.trim())}%`}) escape '\\'`).limit(50).execute()).map((u) => u.id)
      : [];
  const groups: SearchGroup[] = [];
  for (const target of platform.searchTargets) {
    if (!ctx.permissions.has(target.readPermission)) continue;
    const group = await searchTarget(platform, ctx, target, terms, unitIds, limit);
    if (group) groups.push(group);
  }
  return groups;
}

// Generates a five-year county data set of about 1,000,000 records across the modules, for the
// indicator, dashboard and report benchmarks. It loads the demo county (records of every module in
// every state, with their clocks), then clones those records into 2022–2026: each clone gets a new
// id, its dates moved by whole years, a random unit, unique refs, and clones of its children (a
// plan's tasks, an inspection's findings, a lawsuit's hearings) and of its clocks.
//
// Ten counties (a province): COUNTIES > 1 puts a province root (SFS 示范省) above the demo county and
// copies its unit tree for each further county (codes SF02-…, SF03-…), then clones RECORDS records
// into each county's own units. On PostgreSQL the rows go in with COPY (pg-copy-streams), the
// search indexes are dropped for the load and rebuilt once at the end, and `vacuum analyze` runs
// last (without it the first recount planned on empty statistics).
// Usage: FAZHI_DATA_DIR=bench-county npm run bench:county -- [RECORDS] [COUNTIES]
//   DATABASE_URL=postgres://… FAZHI_DATA_DIR=bench-province npm run bench:county -- 1000000 10
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { bootstrap } from '../src/server/kernel/bootstrap.ts';
import { newId } from '../src/server/kernel/ids.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { dropLightTriggers } from '../src/server/kernel/workflow/light-counts.ts';
import { DEMO_COUNTY_CODE } from '../src/server/modules/org/demo.ts';
import { insertUnit, moveSubtree } from '../src/server/modules/org/units.ts';
import { SEARCH_PREFIX } from '../src/server/kernel/search/index.ts';
import type { OrgUnitTable } from '../src/server/kernel/db/tables.ts';
import { PROVINCE_OFFICE } from './load.ts';
import { REVIEW_RECORD_TYPE } from '../src/shared/schemas/reconsideration.ts';

const target = Number(process.argv[2] ?? 1_000_000);
const COUNTIES = Number(process.argv[3] ?? 1);
const FIRST_YEAR = 2022;
const LAST_YEAR = Number(chinaToday().slice(0, 4));
const today = chinaToday();

/** Record families: a root table, its share of the clones, and child tables by their foreign key to it. */
const FAMILIES: { root: string; share: number; children: { table: string; key: string; children?: { table: string; key: string }[] }[] }[] = [
  { root: 'disputes', share: 0.42, children: [] },
  { root: 'foi_requests', share: 0.17, children: [] },
  { root: 'matters', share: 0.17, children: [] },
  { root: 'review_cases', share: 0.07, children: [] },
  { root: 'litigation_cases', share: 0.05, children: [{ table: 'litigation_hearings', key: 'case_id' }] },
  { root: 'proposals', share: 0.04, children: [] },
  { root: 'plans', share: 0.04, children: [{ table: 'tasks', key: 'plan_id', children: [{ table: 'task_co_units', key: 'task_id' }, { table: 'task_progress', key: 'task_id' }] }] },
  { root: 'inspections', share: 0.04, children: [{ table: 'inspection_targets', key: 'inspection_id' }, { table: 'findings', key: 'inspection_id', children: [{ table: 'interviews', key: 'finding_id' }] }] },
];
const UNIQUE_TEXT = new Set(['ref', 'code', 'case_number', 'notice_number']);
const STAMPS = new Set(['created_at', 'updated_at']);
const DATE = /^\d{4}-\d{2}-\d{2}/;

const config = loadConfig();
let { platform } = await openPlatform(config, MODULES);
await bootstrap(platform);
const started = performance.now();
for (const mod of platform.modules) if (mod.demo) await mod.demo(platform, () => {});
console.log(`demo county loaded in ${Math.round(performance.now() - started)} ms`);

type Row = Record<string, any>;
const all = async (table: string): Promise<Row[]> => (await sql<Row>`select * from ${sql.table(table)}`.execute(platform.db)).rows;

/** A county's units below its government (records go to these), and how the demo county's unit ids map to its own. */
interface County { code: string; units: string[]; unitOf: Map<string, string> }
const demoCounty = await platform.db.selectFrom('org_units').selectAll().where('code', '=', DEMO_COUNTY_CODE).executeTakeFirstOrThrow();
// Parents before children: a path is longer than its parent's.
const demoUnits = (await platform.db.selectFrom('org_units').selectAll().where('path', 'like', `${demoCounty.path}%`).execute()).sort((a, b) => a.path.length - b.path.length);
const counties: County[] = [{ code: DEMO_COUNTY_CODE, units: demoUnits.filter((u) => u.id !== demoCounty.id).map((u) => u.id), unitOf: new Map() }];
const demoUsers = await platform.db.selectFrom('users').selectAll().where('unit_id', 'in', demoUnits.map((u) => u.id)).execute();
const demoRoles = new Map<string, string[]>();
for (const r of await platform.db.selectFrom('user_roles').selectAll().execute()) demoRoles.set(r.user_id, [...(demoRoles.get(r.user_id) ?? []), r.role]);
const ADMIN_ROLES = new Set(['sys_admin', 'sec_admin', 'audit_admin']);
if (COUNTIES > 1) {
  await platform.db.transaction().execute(async (tx) => {
    const province = await insertUnit(tx, null, { code: 'SFS', name: '示范省', kind: 'other' }, null);
    await moveSubtree(tx, demoCounty, province);
    for (let k = 2; k <= COUNTIES; k++) {
      const prefix = `SF${String(k).padStart(2, '0')}`;
      const unitOf = new Map<string, string>();
      const copies: OrgUnitTable[] = [];
      for (const u of demoUnits) {
        const id = newId();
        unitOf.set(u.id, id);
        const parent = u.id === demoCounty.id ? province : copies.find((c) => c.id === unitOf.get(u.parent_id!))!;
        copies.push({ ...u, id, parent_id: parent.id, path: `${parent.path}${id}/`, code: u.code.replace(DEMO_COUNTY_CODE, prefix), name: u.name.replace('示范县', `示范${k}县`), credit_code: null });
      }
      for (let i = 0; i < copies.length; i += 100) await tx.insertInto('org_units').values(copies.slice(i, i + 100)).execute();
      counties.push({ code: prefix, units: copies.filter((c) => c.parent_id !== province.id).map((c) => c.id), unitOf });
      // The county's own accounts: the demo county's (not the administrators), same password, e.g. fzb_wang_sf02.
      const people = demoUsers.filter((u) => !(demoRoles.get(u.id) ?? []).some((r) => ADMIN_ROLES.has(r)));
      const userCopies = people.map((u) => ({ ...u, id: newId(), username: `${u.username}_${prefix.toLowerCase()}`, unit_id: unitOf.get(u.unit_id)!, phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null }));
      await tx.insertInto('users').values(userCopies).execute();
      await tx.insertInto('user_roles').values(people.flatMap((u, i) => (demoRoles.get(u.id) ?? []).map((role) => ({ user_id: userCopies[i]!.id, role })))).execute();
    }
    // The province's own law office (every county; a county's law office sees its county only), the demo password.
    const office = demoUsers.find((u) => u.username === 'fzb_wang')!;
    const provinceOffice = { ...office, id: newId(), username: PROVINCE_OFFICE, name: '省法治办', unit_id: province.id, phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null };
    await tx.insertInto('users').values(provinceOffice).execute();
    await tx.insertInto('user_roles').values({ user_id: provinceOffice.id, role: 'law_office' }).execute();
  });
  console.log(`province SFS: ${counties.map((c) => c.code).join(', ')}, ${counties[0]!.units.length + 1} units and ${demoUsers.length} accounts each; the province's law office ${PROVINCE_OFFICE}`);
}
let county = counties[0]!;
const clocksByRecord = new Map<string, Row[]>();
for (const c of await all('clocks')) clocksByRecord.set(c.record_id, [...(clocksByRecord.get(c.record_id) ?? []), c]);

let seed = 20261121;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function shiftDate(value: string, years: number): string {
  const y = Number(value.slice(0, 4)) + years;
  const md = value.slice(5, 10) === '02-29' ? '02-28' : value.slice(5, 10);
  return `${y}-${md}${value.slice(10)}`;
}
const datesOf = (row: Row) => Object.entries(row).filter(([k, v]) => !STAMPS.has(k) && typeof v === 'string' && DATE.test(v) && v.length <= 10).map(([, v]) => v as string);

/** A whole-year shift that puts the row's earliest date in `year`, pulled back so that no date lands after today. */
function shiftFor(row: Row, year: number): number {
  const dates = datesOf(row).sort();
  if (!dates.length) return year - (typeof row.year === 'number' ? row.year : LAST_YEAR);
  let shift = year - Number(dates[0]!.slice(0, 4));
  while (shift > FIRST_YEAR - LAST_YEAR && shiftDate(dates.at(-1)!, shift) > today) shift--;
  return shift;
}

function cloneRow(row: Row, shift: number, n: number, overrides: Row): Row {
  const out: Row = { ...row };
  if ('id' in row) out.id = newId();
  for (const [k, v] of Object.entries(row)) {
    // Another county's copy: the demo county's units (a co-unit, a target unit) become its own.
    const unit = typeof v === 'string' ? county.unitOf.get(v) : undefined;
    if (unit) out[k] = unit;
    else if (typeof v === 'string' && DATE.test(v) && !STAMPS.has(k)) out[k] = shiftDate(v, shift);
    else if (k === 'year' && typeof v === 'number') out[k] = v + shift;
    else if (UNIQUE_TEXT.has(k) && typeof v === 'string') out[k] = `${v}-G${n}`;
  }
  // Link rows without an id of their own (a task's co-units) keep their unit: it is part of their key.
  if ('unit_id' in row && 'id' in row) out.unit_id = pick(county.units);
  return Object.assign(out, overrides);
}

const pending = new Map<string, Row[]>();
let inserted = 0;
let records = 0;
async function queue(table: string, row: Row) {
  const rows = pending.get(table) ?? [];
  rows.push(row);
  pending.set(table, rows);
  inserted++;
  if (table !== 'clocks') records++;
  // Parents before children: every pending table is flushed, in the order they first appeared.
  if (rows.length >= Math.floor((copier ? 200_000 : 20_000) / Object.keys(row).length)) for (const t of pending.keys()) await flush(t);
}

// PostgreSQL: COPY on a connection of its own, one batch after another in the order flushed (so a
// parent's rows are in before its children's), while the next batches are being cloned; at most a
// few batches wait. Each COPY commits on its own; synchronous_commit is off for this connection only.
const copier = platform.dialect === 'postgres' ? new pg.Client({ connectionString: config.databaseUrl!, options: `-c search_path=${config.pgSchema} -c synchronous_commit=off` }) : null;
await copier?.connect();
let copying: Promise<void> = Promise.resolve();
let copiesWaiting = 0;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  throw new Error(`no COPY text for ${typeof value}`);
}
async function copyRows(table: string, rows: Row[]) {
  const columns = Object.keys(rows[0]!);
  const text = rows.map((r) => columns.map((c) => copyText(r[c])).join('\t')).join('\n') + '\n';
  await pipeline(Readable.from([text]), copier!.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
}
async function flush(table: string) {
  const rows = pending.get(table);
  if (!rows?.length) return;
  pending.set(table, []);
  if (!copier) return void (await platform.db.insertInto(table as any).values(rows).execute());
  copiesWaiting++;
  copying = copying.then(() => copyRows(table, rows)).then(() => void copiesWaiting--);
  if (copiesWaiting > 4) await copying;
}
async function cloneClocks(templateId: string, cloneId: string, unitId: string | undefined, shift: number) {
  for (const c of clocksByRecord.get(templateId) ?? []) {
    const copy = cloneRow(c, shift, 0, { record_id: cloneId, unit_id: unitId ?? c.unit_id });
    copy.pauses = c.pauses;
    copy.restarts = c.restarts;
    await queue('clocks', copy);
  }
}

// The bulk load needs neither per-row generation bumps nor per-row deltas: the triggers are dropped
// here, and the summary tables are emptied at the end (the next start reinstalls the triggers).
async function dropIndicatorTriggers() {
  for (const table of platform.facts.tablesRead()) {
    if (platform.dialect === 'sqlite') for (const op of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists indicator_gen_${table}_${op}`).execute(platform.db);
    else await sql.raw(`drop trigger if exists indicator_change on ${table}`).execute(platform.db);
  }
  await platform.facts.dropDeltaTriggers();
  // The 红黄牌 counts too: the next start counts them once.
  await dropLightTriggers(platform.db, platform.dialect);
  // Tables counted per partition (clocks by record type) carry their own generation triggers.
  for (const table of platform.facts.tablesRead()) {
    for (const op of ['insert', 'update', 'delete', 'truncate']) {
      await sql.raw(platform.dialect === 'sqlite' ? `drop trigger if exists indicator_part_${table}_${op}` : `drop trigger if exists indicator_part_${op} on ${table}`).execute(platform.db);
    }
  }
  // PostgreSQL's trigram search indexes take a bulk load row by row: dropped here, built once at the
  // next start (kernel/search installs the missing ones).
  if (platform.dialect === 'postgres') {
    const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and indexname like ${`${SEARCH_PREFIX.replaceAll('_', '\\_')}%`}`.execute(platform.db);
    for (const { name } of rows) await sql.raw(`drop index if exists "${name}"`).execute(platform.db);
  }
}
await dropIndicatorTriggers();

const templates = new Map<string, Row[]>();
for (const f of FAMILIES) for (const t of [f.root, ...f.children.flatMap((c) => [c.table, ...(c.children ?? []).map((g) => g.table)])]) templates.set(t, await all(t));
const childrenOf = (table: string, key: string, parentId: string) => templates.get(table)!.filter((r) => r[key] === parentId);

/**
 * Records that the daily job moves on once a clock has run out: 行政复议法 art. 30, an application not
 * refused within the acceptance review is deemed accepted (reconsideration's deemAccepted). The demo
 * county has one such application, received yesterday; cloned into a past year, each copy would be
 * an application left lying for years, and the first daily job after loading would accept them all
 * (15,530 in six counties). A real county's history has none: such a template is cloned only where
 * its clock has not yet run out, and elsewhere the next template of its family takes its place.
 */
const LAPSING: Record<string, { recordType: string; status: string; clock: string }> = {
  review_cases: { recordType: REVIEW_RECORD_TYPE, status: 'received', clock: 'accept' },
};
function lapses(table: string, tpl: Row, shift: number): boolean {
  const rule = LAPSING[table];
  if (!rule || tpl.status !== rule.status) return false;
  return (clocksByRecord.get(tpl.id) ?? []).some((c) => c.record_type === rule.recordType && c.clock_key === rule.clock && c.status === 'running' && shiftDate(c.due_date, shift) < today);
}

const years = LAST_YEAR - FIRST_YEAR + 1;
let n = 0;
// SIGINT (Ctrl-C) while the records load: stop after the county being loaded and finish the load
// (triggers, search indexes, statistics) with the counties loaded so far; the rest stay empty.
let stopAfterCounty = false;
process.once('SIGINT', () => {
  stopAfterCounty = true;
  console.log('  stopping after this county');
});
const work = async () => {
  for (county of counties) {
    if (stopAfterCounty) break;
    const countyStarted = performance.now();
    for (const family of FAMILIES) {
      const roots = templates.get(family.root)!;
      // Each root brings its children: size the share by the family's rows per root.
      const perRoot = 1 + family.children.reduce((s, c) => s + templates.get(c.table)!.length, 0) / Math.max(roots.length, 1);
      const count = Math.round((target * family.share) / perRoot);
      for (let i = 0; i < count; i++) {
        const year = FIRST_YEAR + (i % years);
        let tpl = roots[i % roots.length]!;
        let shift = shiftFor(tpl, year);
        for (let k = 1; k < roots.length && lapses(family.root, tpl, shift); k++) {
          tpl = roots[(i + k) % roots.length]!;
          shift = shiftFor(tpl, year);
        }
        const root = cloneRow(tpl, shift, ++n, {});
        await queue(family.root, root);
        await cloneClocks(tpl.id, root.id, root.unit_id, shift);
        for (const child of family.children) {
          for (const c of childrenOf(child.table, child.key, tpl.id)) {
            const copy = cloneRow(c, shift, ++n, { [child.key]: root.id });
            await queue(child.table, copy);
            await cloneClocks(c.id, copy.id, copy.unit_id, shift);
            for (const grand of child.children ?? []) for (const g of childrenOf(grand.table, grand.key, c.id)) await queue(grand.table, cloneRow(g, shift, ++n, { [grand.key]: copy.id }));
          }
        }
      }
      for (const table of pending.keys()) await flush(table);
      if (counties.length === 1) console.log(`  ${family.root}: ${count} (+ children and clocks); ${records} records so far`);
    }
    for (const table of pending.keys()) await flush(table);
    await copying;
    if (counties.length > 1) console.log(`  county ${county.code}: ${records.toLocaleString()} records (+ ${(inserted - records).toLocaleString()} clocks) so far; this county ${Math.round((performance.now() - countyStarted) / 1000)} s`);
  }
};
if (platform.dialect === 'sqlite') await sql`begin`.execute(platform.db).then(work).then(() => sql`commit`.execute(platform.db));
else await work();
await copier?.end();
const loaded = performance.now();
console.log(`records loaded in ${Math.round((loaded - started) / 1000)} s${copier ? ' (COPY)' : ''}`);

// Historical records were escalated long ago: the first daily job should not escalate them all now.
await platform.db.updateTable('clocks').set({ escalation_level: 2, escalated_at: sql`due_date` }).where('status', '=', 'running').where('due_date', '<', today).execute();
await platform.db.deleteFrom('indicator_facts').execute();
await platform.db.deleteFrom('indicator_fact_sets').execute();
if (platform.dialect === 'postgres') await sql`delete from indicator_deltas`.execute(platform.db);
await platform.db.updateTable('indicator_generations').set({ generation: sql`generation + 1` }).execute();
if (platform.dialect === 'sqlite') await sql`analyze`.execute(platform.db);
await platform.close();
// Reopen: reinstalls the generation triggers (and on PostgreSQL builds the search indexes).
let t = performance.now();
({ platform } = await openPlatform(config, MODULES));
console.log(`triggers reinstalled${platform.dialect === 'postgres' ? ' and search indexes built' : ''} in ${Math.round((performance.now() - t) / 1000)} s`);
if (platform.dialect === 'postgres') {
  t = performance.now();
  await sql`vacuum analyze`.execute(platform.db);
  console.log(`vacuum analyze in ${Math.round((performance.now() - t) / 1000)} s`);
}
await platform.close();
console.log(`generated ${records.toLocaleString()} records (+ ${(inserted - records).toLocaleString()} clocks) over ${FIRST_YEAR}–${LAST_YEAR} in ${Math.round((performance.now() - started) / 1000)} s`);
console.log('log in with the demo accounts (fazhi demo prints them), e.g. the law office fzb_wang (password as printed by fazhi demo)');


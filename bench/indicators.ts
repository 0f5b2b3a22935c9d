// Indicator, dashboard and report figures on the county data set (bench/generate-county.ts):
//  1. the full indicator set for one unit-year and for the county, counted straight from the records;
//  2. the same from empty summary tables (the first request after a bulk load);
//  3. from a cold start — a new process, summary tables on disk;
//  4. after a write (a record moved, a clock's due date changed): the write with its deltas, then
//     the county's figures (the stored counts of the written table's figures reread);
//  5. the county's annual report with every figure and its .docx;
//  6. the dashboard API under 20 connections.
// Usage: FAZHI_DATA_DIR=bench-county npm run bench:indicators [-- SECONDS]
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { computeAll, computeAllDirect, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { load, machine, startBenchServer } from './load.ts';
import { actingAs } from '../src/server/kernel/auth/acting-as.ts';
import { createReport, reportForPrint } from '../src/server/modules/reports/reports.ts';
import { reportDocx } from '../src/server/modules/reports/docx.ts';

const YEAR = 2025;
const UNIT = 'SFX-D05';
const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;

if (process.argv[2] === '--cold') {
  // Child process: open the platform and compute one unit-year, nothing warmed.
  const t = performance.now();
  const { platform } = await openPlatform(loadConfig(), MODULES);
  const opened = performance.now();
  const scope = await scopeForUnitCode(platform, YEAR, process.argv[3]);
  const values = await computeAll(platform, scope);
  console.log(`${Math.round(performance.now() - opened)} ms (opening the platform: ${Math.round(opened - t)} ms; ${values.length} figures)`);
  await platform.close();
  process.exit(0);
}

const seconds = Number(process.argv[2] ?? 10);
const { platform } = await openPlatform(loadConfig(), MODULES);
console.log(`machine: ${machine()}`);
const records = await Promise.all(['disputes', 'foi_requests', 'matters', 'review_cases', 'litigation_cases', 'litigation_hearings', 'proposals', 'plans', 'tasks', 'task_co_units', 'task_progress', 'inspections', 'inspection_targets', 'findings', 'interviews', 'clocks'].map(async (t) => Number((await platform.db.selectFrom(t as any).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
console.log(`data set: ${records.slice(0, -1).reduce((a, b) => a + b, 0).toLocaleString()} records + ${records.at(-1)!.toLocaleString()} clocks; ${platform.indicators.size} indicators`);

const unitScope = await scopeForUnitCode(platform, YEAR, UNIT);
const countyScope = await scopeForUnitCode(platform, YEAR, undefined);
let t = performance.now();
await computeAllDirect(platform, unitScope);
console.log(`direct count, unit ${UNIT} ${YEAR}:                  ${ms(t)}`);
t = performance.now();
await computeAllDirect(platform, countyScope);
console.log(`direct count, county ${YEAR}:                     ${ms(t)}`);

await platform.db.deleteFrom('indicator_fact_sets').execute();
t = performance.now();
await computeAll(platform, unitScope);
console.log(`summary tables empty (first use after bulk load): ${ms(t)}`);
t = performance.now();
await computeAll(platform, countyScope);
console.log(`warm, county ${YEAR}:                             ${ms(t)}`);
for (const y of [YEAR - 4, YEAR - 3, YEAR + 1]) await computeAll(platform, await scopeForUnitCode(platform, y, undefined));

for (const [label, unit] of [[`unit ${UNIT}`, UNIT], ['county', '']] as const) {
  const child = spawnSync(process.execPath, ['bin/run-ts.mjs', 'bench/indicators.ts', '--cold', ...(unit ? [unit] : [])], { env: process.env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  console.log(`cold start (new process), ${label} ${YEAR}: ${child.stdout.trim()}`);
}

// One write that moves figures (a record moved to another unit and back; a clock's due date), timed
// with its deltas, then the county's figures.
const msOf = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;
const units = (await platform.db.selectFrom('org_units').select('id').limit(2).execute()).map((u) => u.id);
for (const table of ['review_cases', 'disputes', 'foi_requests', 'tasks'] as const) {
  const row = await (platform.db as any).selectFrom(table).select(['id', 'unit_id']).where('unit_id', '!=', units[0]).executeTakeFirstOrThrow();
  t = performance.now();
  await (platform.db as any).updateTable(table).set({ unit_id: units[0] }).where('id', '=', row.id).execute();
  const wrote = msOf(t);
  t = performance.now();
  await computeAll(platform, countyScope);
  console.log(`a ${table} row moved to another unit: the write ${wrote}, then county ${YEAR}: ${msOf(t)}`);
  await (platform.db as any).updateTable(table).set({ unit_id: row.unit_id }).where('id', '=', row.id).execute();
}
// A clock write moves only the figures that read that record type's clocks.
for (const type of ['review_case', 'foi_request', 'task', 'matter']) {
  const row = await platform.db.selectFrom('clocks').select(['id', 'due_date']).where('record_type', '=', type).executeTakeFirstOrThrow();
  t = performance.now();
  await platform.db.updateTable('clocks').set({ due_date: '2020-01-01' }).where('id', '=', row.id).execute();
  const wrote = msOf(t);
  t = performance.now();
  await computeAll(platform, countyScope);
  console.log(`a ${type} clock's due date changed: the write ${wrote}, then county ${YEAR}: ${msOf(t)}`);
  await platform.db.updateTable('clocks').set({ due_date: row.due_date }).where('id', '=', row.id).execute();
}

// The county's annual report: draft with every figure, then the .docx.
const office = await actingAs(platform, 'fzb_wang');
const county = await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX').executeTakeFirstOrThrow();
for (const label of ['summary tables warm', 'summary tables emptied first']) {
  await platform.db.deleteFrom('annual_reports').where('unit_id', '=', county.id).where('year', '=', YEAR).execute();
  if (label.includes('emptied')) await platform.db.deleteFrom('indicator_fact_sets').execute();
  const fresh = await openPlatform(loadConfig(), MODULES);
  t = performance.now();
  const id = await createReport(fresh.platform, office, office.scope, { unitId: county.id, year: YEAR });
  const drafted = performance.now() - t;
  const docx = await reportDocx(await reportForPrint(fresh.platform, office.scope, id));
  console.log(`county report ${YEAR}, ${label}: draft ${Math.round(drafted)} ms + .docx = ${ms(t)} (${Math.round(docx.length / 1024)} KiB)`);
  await fresh.platform.close();
}
await platform.close();

const server = await startBenchServer(3951);
try {
  const cookie = await server.login('fzb_wang', DEMO_PASSWORD);
  const get = (path: string) => ({ method: 'GET' as const, headers: { cookie } });
  const run = (title: string, path: string) => load(server.base, title, path, get(path), 20, seconds);
  await run(`GET /indicators?year=${YEAR} (county)`, `/api/v1/indicators?year=${YEAR}`);
  await run(`GET /indicators?year=${YEAR}&unit=${UNIT}`, `/api/v1/indicators?year=${YEAR}&unit=${UNIT}`);
  await run('GET /indicators/…/by-unit (ranking)', `/api/v1/indicators/tasks.completion_rate/by-unit?year=${YEAR}`);
  await run('GET /dashboard/lights (红黄牌 by unit)', '/api/v1/dashboard/lights');
} finally {
  server.stop();
}

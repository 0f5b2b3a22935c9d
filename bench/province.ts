// Figures at province scale: the ten-county data set (bench/generate-county.ts RECORDS 10) on
// PostgreSQL. One county (the demo county SFX) and the whole province, for 2025:
//  1. counted straight from the records;
//  2. from empty summary tables (the first request after a bulk load);
//  3. warm, in process;
//  4. from a cold start (a new process, summary tables in the database);
//  5. the dashboard's APIs under 20 connections, as the province's law office (sfs_fzb, every
//     county) and as the county's head (xzf_head, the county's units only);
//  6. the user list under 50 connections, as both.
// The one-minute load average is printed beside every figure: the host may be shared.
// Usage: DATABASE_URL=postgres://… FAZHI_DATA_DIR=… BENCH_PORT=… node bin/run-ts.mjs bench/province.ts [SECONDS]
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { computeAll, computeAllDirect, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { PROVINCE_OFFICE, load, loadAverage, machine, startBenchServer } from './load.ts';

const seconds = Number(process.argv[2] ?? 10);
const YEAR = 2025;
const COUNTY = 'SFX';
const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value.padEnd(40)} load average ${loadAverage()}`);
const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;

const { platform } = await openPlatform(loadConfig(), MODULES);
console.log(`machine: ${machine()}`);
const tables = ['disputes', 'foi_requests', 'matters', 'review_cases', 'litigation_cases', 'litigation_hearings', 'proposals', 'plans', 'tasks', 'task_co_units', 'task_progress', 'inspections', 'inspection_targets', 'findings', 'interviews'];
const count = async (table: string) => Number((await platform.db.selectFrom(table as any).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const records = (await Promise.all(tables.map(count))).reduce((a, b) => a + b, 0);
const counties = await platform.db.selectFrom('org_units').select('code').where('kind', '=', 'county').execute();
console.log(`data set: ${records.toLocaleString()} records + ${(await count('clocks')).toLocaleString()} clocks in ${counties.length} counties; ${(await count('users')).toLocaleString()} users; ${platform.indicators.size} indicators`);

const scopes = [
  [`county ${COUNTY}`, await scopeForUnitCode(platform, YEAR, COUNTY)],
  ['province', await scopeForUnitCode(platform, YEAR, undefined)],
] as const;
for (const [label, scope] of scopes) {
  const t = performance.now();
  await computeAllDirect(platform, scope);
  line(`direct count, ${label} ${YEAR}`, ms(t));
}
// A stored set holds a figure-year for every unit: the first use, whatever its scope, counts the
// year in every county; after it, the province's figures are read from the stored sets.
await platform.db.deleteFrom('indicator_fact_sets').execute();
for (const [label, scope] of scopes) {
  const t = performance.now();
  await computeAll(platform, scope);
  line(`${label === 'province' ? 'then' : 'summary tables empty (first use)'}, ${label} ${YEAR}`, ms(t));
}
for (const [label, scope] of scopes) {
  const t = performance.now();
  for (let i = 0; i < 1000; i++) await computeAll(platform, scope);
  line(`warm, ${label} ${YEAR} (1,000 calls)`, `${((performance.now() - t) / 1000).toFixed(2)} ms each`);
}
await platform.close();

for (const [label, code] of [[`county ${COUNTY}`, COUNTY], ['province', '']] as const) {
  const child = spawnSync(process.execPath, ['bin/run-ts.mjs', 'bench/indicators.ts', '--cold', ...(code ? [code] : [])], { env: process.env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  line(`cold start (new process), ${label} ${YEAR}`, child.stdout.trim());
}

const t = performance.now();
const server = await startBenchServer(3954);
line('daily job, then the server up', ms(t));
try {
  const office = await server.login(PROVINCE_OFFICE, DEMO_PASSWORD);
  const head = await server.login('xzf_head', DEMO_PASSWORD);
  const run = (title: string, path: string, cookie: string, connections: number) => load(server.base, title, path, { method: 'GET', headers: { cookie } }, connections, seconds);
  console.log(`\ndashboard APIs, 20 connections, ${seconds} s each`);
  await run(`province: GET /indicators?year=${YEAR}`, `/api/v1/indicators?year=${YEAR}`, office, 20);
  await run(`province: GET /indicators?year=${YEAR}&unit=${COUNTY}`, `/api/v1/indicators?year=${YEAR}&unit=${COUNTY}`, office, 20);
  await run('province: GET /indicators/…/by-unit (ranking)', `/api/v1/indicators/tasks.completion_rate/by-unit?year=${YEAR}`, office, 20);
  await run('province: GET /dashboard/lights', '/api/v1/dashboard/lights', office, 20);
  await run(`county head: GET /indicators?year=${YEAR}`, `/api/v1/indicators?year=${YEAR}`, head, 20);
  await run('county head: GET /indicators/…/by-unit', `/api/v1/indicators/mediation.success_rate/by-unit?year=${YEAR}`, head, 20);
  await run('county head: GET /dashboard/lights', '/api/v1/dashboard/lights', head, 20);
  console.log(`\nuser list, 50 connections, ${seconds} s each`);
  for (const [title, cookie] of [['province law office', office], ['county head (scoped)', head]] as const) {
    let page = 0;
    await load(server.base, `${title}: GET /users?page=N&pageSize=20`, '/', { requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1/users?page=${(page++ % 3) + 1}&pageSize=20`, headers: { cookie } }) }] } as any, 50, seconds);
  }
} finally {
  server.stop();
}

// Requests while the daily job runs: today's run is made due again (its job_runs rows removed) and
// COUNT overdue clocks are put back to escalation level 0 (as after a first start on a large data
// set: 4,150 clocks escalated), then the server starts and runs the job itself a few seconds in,
// while 20 connections read the dashboard's APIs for SECONDS. Prints the readers' latency while the
// job ran and after it had finished, the job's own run time, and the load average.
// Usage: FAZHI_DATA_DIR=bench-county node bin/run-ts.mjs bench/daily-under-load.ts [SECONDS] [COUNT]
import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { machine, startBenchServer } from './load.ts';

const seconds = Number(process.argv[2] ?? 60);
const count = Number(process.argv[3] ?? 4150);
const today = chinaToday();
const YEAR = Number(today.slice(0, 4));
const READS = [`/indicators?year=${YEAR}`, `/indicators?year=${YEAR - 1}`, `/indicators?year=${YEAR}&unit=SFX-D05`, `/indicators/mediation.success_rate/by-unit?year=${YEAR}`, '/dashboard/lights'];

const { platform } = await openPlatform(loadConfig(), MODULES);
console.log(`machine: ${machine()}; load average at start ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
await platform.db.deleteFrom('job_runs').where('run_date', '=', today).where('job', 'in', ['daily', 'indicators', 'lights']).execute();
const reset = await sql`update clocks set escalation_level = 0, escalated_at = null where id in (
  select id from clocks where status = 'running' and due_date < ${today} order by due_date desc limit ${count})`.execute(platform.db);
console.log(`today's daily job made due again; ${Number(reset.numAffectedRows ?? 0)} overdue clocks put back to escalation level 0`);

const server = await startBenchServer(3954, { dailyJob: 'leave' });
const cookie = await server.login('fzb_wang', DEMO_PASSWORD);
const startedAt = Date.now();

// The job's start and end, as its job_runs row tells them.
let jobStart = 0;
let jobEnd = 0;
const watching = setInterval(async () => {
  const row = await platform.db.selectFrom('job_runs').select(['started_at', 'finished_at']).where('job', '=', 'daily').where('run_date', '=', today).executeTakeFirst();
  if (row && !jobStart) jobStart = Date.parse(row.started_at);
  if (row?.finished_at && !jobEnd) jobEnd = Date.parse(row.finished_at);
}, 250);

const responses: { at: number; ms: number }[] = [];
let errors = 0;
let n = 0;
await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    { url: server.base, connections: 20, duration: seconds, requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1${READS[n++ % READS.length]}`, headers: { cookie, 'accept-encoding': 'br, gzip' } }) }] } as autocannon.Options,
    (error, result) => (error ? reject(error) : resolve(result)),
  );
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => (status < 400 ? responses.push({ at: Date.now() - ms, ms }) : errors++));
});
const loadAtEnd = loadavg().map((x) => x.toFixed(1)).join(' ');
// Wait for the job's end if it outlasted the readers (its time is reported either way).
for (let i = 0; !jobEnd && i < 600; i++) await new Promise((r) => setTimeout(r, 500));
clearInterval(watching);
server.stop();

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const line = (label: string, rows: { ms: number }[], span: number) => {
  const s = rows.map((r) => r.ms).sort((a, b) => a - b);
  return `${label}: ${rows.length} requests, ${(rows.length / Math.max(span / 1000, 0.001)).toFixed(0)} req/s, p50 ${pct(s, 50).toFixed(1)}  p95 ${pct(s, 95).toFixed(1)}  p99 ${pct(s, 99).toFixed(1)}  p99.9 ${pct(s, 99.9).toFixed(1)}  max ${(s.at(-1) ?? NaN).toFixed(1)} ms`;
};
const endOfReads = startedAt + seconds * 1000;
const during = responses.filter((r) => jobStart && r.at >= jobStart && r.at < (jobEnd || Infinity));
const after = responses.filter((r) => jobEnd && r.at >= jobEnd);
const before = responses.filter((r) => !jobStart || r.at < jobStart);
console.log(`daily job: ${jobStart ? `started ${((jobStart - startedAt) / 1000).toFixed(1)} s after the readers, ran ${jobEnd ? `${((jobEnd - jobStart) / 1000).toFixed(1)} s` : 'past the end'}` : 'did not start'}`);
const summary = await platform.db.selectFrom('job_runs').select('summary').where('job', '=', 'daily').where('run_date', '=', today).executeTakeFirst();
console.log(`  ${summary?.summary ?? '(no summary)'}`);
if (before.length) console.log(line('readers before the job', before, (jobStart || endOfReads) - startedAt));
if (during.length) console.log(line('readers while the job ran', during, Math.min(jobEnd || endOfReads, endOfReads) - jobStart));
if (after.length) console.log(line('readers after the job', after, endOfReads - jobEnd));
console.log(`errors: ${errors}; load average at end ${loadAtEnd}`);
await platform.close();
process.exit(0);

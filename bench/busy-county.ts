// A busy county: 20 connections read the dashboard's APIs (figures for this year, last year and the
// year before, a unit's figures, a ranking, the 红黄牌 totals) while writers register and move
// records through the API — disputes received, started and closed, disclosure requests received and
// replied to (with their reply clocks) — at 0, 5 and 20 writes a second. Each phase prints the
// readers' and the writers' throughput, p50, p95, p99, p99.9 and max, and how long a figure takes to
// show a write: a probe registers a dispute in a unit no other writer uses and times the next read
// of that unit's figures, which must count it, and the same read once more (what any read of the
// probe's waits); the probe runs on a thread of its own (bench/probe-worker.mjs). Each phase also
// prints how busy the host's cores were, and how much of that was this process's own clients (they
// share the cores with the server). At the end, the county's figures from the API are compared with
// a direct count of the records. BENCH_READERS sets the readers' connections (default 20).
//
// The daily job runs (or is skipped as already run today) before the server starts, so that no
// phase measures through it. Only loopback traffic.
// Usage: FAZHI_DATA_DIR=bench-county node bin/run-ts.mjs bench/busy-county.ts [SECONDS] [RATES] [all|figures]
//   (default 60 s, 0,5,20 writes a second, and all the dashboard's reads; `figures` leaves out 红黄牌)
// In a province (bench/generate-county.ts RECORDS 10 on PostgreSQL), BENCH_COUNTY=SFX makes it one
// busy county among idle ones: the readers are the county's head (the county's units in scope),
// the writers write in the county's units only, and the exactness check is the county's.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { computeAllDirect, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { machine, startBenchServer } from './load.ts';
import { sql } from 'kysely';

const seconds = Number(process.argv[2] ?? 60);
// The readers' connections (20 as the issue sets; BENCH_READERS=1 shows the probe on a host not saturated).
const READERS = Number(process.env.BENCH_READERS || 20);
const rates = (process.argv[3] ?? '0,5,20').split(',').map(Number);
const today = chinaToday();
const YEAR = Number(today.slice(0, 4));
// The probe writes to a department of the busy county (SFX-D02, or SF02-D02 for BENCH_COUNTY=SF02).
const PROBE_UNIT = `${process.env.BENCH_COUNTY || 'SFX'}-D02`;
const FIGURES = [`/indicators?year=${YEAR}`, `/indicators?year=${YEAR - 1}`, `/indicators?year=${YEAR - 2}`, `/indicators?year=${YEAR}&unit=SFX-D05`, `/indicators/mediation.success_rate/by-unit?year=${YEAR}`];
// "figures": the indicator APIs alone, without the 红黄牌 totals (recounted after every clock write).
const READS = process.argv[4] === 'figures' ? FIGURES : [...FIGURES, '/dashboard/lights'];

const { platform } = await openPlatform(loadConfig(), MODULES);
console.log(`machine: ${machine()}; load average at start ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`);
let t = performance.now();
const daily = await runDailyJob(platform);
console.log(`daily job before the server starts: ${daily.skipped ? 'already ran today' : `${Math.round(performance.now() - t)} ms`}`);
const COUNTY = process.env.BENCH_COUNTY || undefined;
const county = COUNTY ? await platform.db.selectFrom('org_units').select(['id', 'path']).where('code', '=', COUNTY).executeTakeFirstOrThrow() : null;
const reader = county ? (await platform.db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select('username').where('unit_id', '=', county.id).where('role', '=', 'unit_head').executeTakeFirstOrThrow()).username : 'fzb_wang';
// The writers are the county's law office (in a province, a county's law office writes in its county only).
const writer = county ? (await platform.db.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').innerJoin('org_units as o', 'o.id', 'u.unit_id').select('u.username').where(sql<boolean>`o.path like ${`${county.path}%`}`).where('r.role', '=', 'law_office').orderBy('u.username').executeTakeFirstOrThrow()).username : 'fzb_wang';
let candidates = platform.db.selectFrom('org_units').select(['id', 'code']).where('parent_id', 'is not', null).where('code', '!=', PROBE_UNIT);
if (county) candidates = candidates.where(sql<boolean>`path like ${`${county.path}%`}`).where('id', '!=', county.id);
const units = (await candidates.execute()).map((u) => u.id);
if (county) console.log(`one busy county: ${COUNTY} (${units.length + 1} units written to), read by ${reader}`);
const probeUnit = (await platform.db.selectFrom('org_units').select('id').where('code', '=', PROBE_UNIT).executeTakeFirstOrThrow()).id;

const server = await startBenchServer(3953);
const cookie = await server.login(writer, DEMO_PASSWORD);
const readerCookie = reader === writer ? cookie : await server.login(reader, DEMO_PASSWORD);
// Writes carry the session's CSRF token (the fazhi_csrf cookie) in a header, as the web app does.
const csrf = /fazhi_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
const api = async (method: 'GET' | 'POST', path: string, body?: unknown, as = cookie) => {
  const headers = { cookie: as, 'content-type': 'application/json', 'accept-encoding': 'br, gzip', ...(method === 'POST' ? { 'x-csrf-token': csrf } : {}) };
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
};

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (latencies: number[]) => {
  const s = [...latencies].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)}  p95 ${pct(s, 95).toFixed(1)}  p99 ${pct(s, 99).toFixed(1)}  p99.9 ${pct(s, 99.9).toFixed(1)}  max ${(s.at(-1) ?? NaN).toFixed(1)} ms`;
};
const dispute = (unitId: string) => ({ unitId, type: '邻里纠纷', parties: '甲某与乙某', summary: '负载测试登记的纠纷。', receivedDate: today, channel: 'people', mediators: '张调解员' });

/** Records this run registered, by what can happen to them next. */
const open = { received: [] as { id: string; version: number }[], mediating: [] as { id: string; version: number }[], foi: [] as { id: string; version: number }[] };
const take = <T>(list: T[]) => list.splice(Math.floor(Math.random() * list.length), 1)[0];

/** One write through the API, chosen among registering and moving records. Returns its status. */
async function write(): Promise<number> {
  const roll = Math.random();
  if (roll < 0.2 && open.received.length) {
    const d = take(open.received)!;
    const res = await api('POST', `/workflow/dispute/${d.id}/transitions/start`, { version: d.version });
    if (res.status === 200) open.mediating.push({ id: d.id, version: d.version + 1 });
    return res.status;
  }
  if (roll < 0.35 && open.mediating.length) {
    const d = take(open.mediating)!;
    return (await api('POST', `/workflow/dispute/${d.id}/transitions/close`, { version: d.version, values: { outcome: pick(['success', 'failure']) } })).status;
  }
  if (roll < 0.5 && open.foi.length) {
    const r = take(open.foi)!;
    return (await api('POST', `/workflow/foi_request/${r.id}/transitions/reply`, { version: r.version, values: { replyType: 'disclosed' } })).status;
  }
  if (roll < 0.75) {
    const res = await api('POST', '/foi-requests', { unitId: pick(units), receivedDate: today, applicantName: '张某', content: '负载测试的公开申请。', channel: 'online' });
    if (res.status === 201) open.foi.push({ id: res.json.id, version: res.json.version });
    return res.status;
  }
  const res = await api('POST', '/disputes', dispute(pick(units)));
  if (res.status === 201) open.received.push({ id: res.json.id, version: res.json.version });
  return res.status;
}

/** The probe (bench/probe-worker.mjs) on a thread of its own, until the function it returns is called; that gives its probes. */
function startProbe(): () => Promise<{ ms: number; fresh: boolean; again: number }[]> {
  const worker = new Worker(new URL('./probe-worker.mjs', import.meta.url), { workerData: { base: server.base, cookie, csrf, year: YEAR, unitCode: PROBE_UNIT, unitId: probeUnit, today } });
  const done = new Promise<{ probes?: { ms: number; fresh: boolean; again: number }[]; error?: string }>((resolve, reject) => worker.once('message', resolve).once('error', reject));
  return async () => {
    worker.postMessage('stop');
    const result = await done;
    await worker.terminate();
    if (result.error) throw new Error(result.error);
    return result.probes!;
  };
}

/** The host's CPU time so far, busy and in all, in clock ticks (/proc/stat's first line). */
function hostCpu(): { busy: number; total: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = ticks[3]! + (ticks[4] ?? 0); // idle and iowait
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

async function phase(rate: number): Promise<void> {
  // How much of the host the phase used, and how much of that was this process (the readers' and
  // writers' clients, on the same cores as the server).
  const cpuAtStart = hostCpu();
  const ownAtStart = process.cpuUsage();
  const readLatencies: number[] = [];
  const writeLatencies: number[] = [];
  const writeErrors = new Map<number, number>();
  let readErrors = 0;
  let inFlight = 0;
  const writers = rate
    ? setInterval(() => {
        if (inFlight >= 100) return void writeErrors.set(-1, (writeErrors.get(-1) ?? 0) + 1);
        inFlight++;
        const started = performance.now();
        write()
          .then((status) => (status < 300 ? writeLatencies.push(performance.now() - started) : writeErrors.set(status, (writeErrors.get(status) ?? 0) + 1)))
          .catch(() => writeErrors.set(0, (writeErrors.get(0) ?? 0) + 1))
          .finally(() => inFlight--);
      }, 1000 / rate)
    : null;
  const stopProbe = startProbe();
  let n = 0;
  const readers = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: server.base, connections: READERS, duration: seconds, requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1${READS[n++ % READS.length]}`, headers: { cookie: readerCookie, 'accept-encoding': 'br, gzip' } }) }] } as autocannon.Options,
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => (status < 400 ? readLatencies.push(ms) : readErrors++));
  });
  if (writers) clearInterval(writers);
  const probes = await stopProbe();
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
  const errors = [...writeErrors].map(([status, count]) => `${count}× ${status === -1 ? 'skipped (100 in flight)' : status || 'network'}`).join(', ');
  const cpu = hostCpu();
  const own = process.cpuUsage(ownAtStart);
  const cores = (await import('node:os')).cpus().length;
  const busyShare = (cpu.busy - cpuAtStart.busy) / (cpu.total - cpuAtStart.total);
  // /proc/stat's ticks are USER_HZ (100 a second); cpuUsage is in microseconds.
  const ownShare = (own.user + own.system) / 1e6 / ((cpu.total - cpuAtStart.total) / 100);
  console.log(`\n${rate} writes/s for ${seconds} s, reading ${READS.length === FIGURES.length ? 'the figures' : 'the figures and 红黄牌'} (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
  console.log(`  host CPU: ${(busyShare * 100).toFixed(0)} % busy of ${cores} cores; this process (the load's clients): ${(ownShare * 100).toFixed(0)} % of them`);
  console.log(`  readers (${READERS} conn): ${Math.round(readers.requests.average)} req/s   ${summary(readLatencies)}   (${readLatencies.length} ok, ${readErrors} errors)`);
  if (rate) console.log(`  writers:           ${(writeLatencies.length / seconds).toFixed(1)} writes/s   ${summary(writeLatencies)}   (${writeLatencies.length} ok${errors ? `, ${errors}` : ''})`);
  const probeMs = probes.map((p) => p.ms);
  console.log(`  write → fresh figure: ${summary(probeMs)}   (${probes.length} probes, ${probes.filter((p) => p.fresh).length} fresh)`);
  console.log(`  the same read again: ${summary(probes.map((p) => p.again))}`);
}

try {
  // Every figure the readers ask for counted once before measuring (a fresh data set counts each year on first use).
  t = performance.now();
  for (const path of READS) await api('GET', path, undefined, readerCookie);
  console.log(`first dashboard reads (summary tables filled if empty): ${Math.round(performance.now() - t)} ms`);
  for (const rate of rates) await phase(rate);
  await new Promise((r) => setTimeout(r, 500));
  for (const [label, code] of [[COUNTY ? `county ${COUNTY}` : 'county', COUNTY], [PROBE_UNIT, PROBE_UNIT]] as const) {
    for (const year of [YEAR, YEAR - 1]) {
      const served = (await api('GET', `/indicators?year=${year}${code ? `&unit=${code}` : ''}`)).json.indicators as Record<string, number | null>;
      const direct = Object.fromEntries((await computeAllDirect(platform, await scopeForUnitCode(platform, year, code))).map((v) => [v.code, v.value]));
      const differ = Object.keys(direct).filter((k) => served[k] !== direct[k]);
      console.log(`figures exact at the end, ${label} ${year}: ${differ.length ? `NO — ${differ.map((k) => `${k} ${served[k]} ≠ ${direct[k]}`).join('; ')}` : `yes (${Object.keys(direct).length} figures)`}`);
    }
  }
} finally {
  server.stop();
  await platform.close();
}

// One dashboard read, in process and one at a time (no network, no concurrency): where a request's
// time goes on this database. Signs in as the county head and times N requests of each of the
// dashboard's reads through the app (Fastify's inject); run under `node --cpu-prof` to see by function.
// Then the busy county's writes (bench/busy-county.ts), N/10 of each (BENCH_WRITES), one at a time.
// Usage: DATABASE_URL=… FAZHI_DATA_DIR=… node [--cpu-prof] bin/run-ts.mjs bench/read-path.ts [N] [USERNAME]
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { buildApp } from '../src/server/app.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { machine } from './load.ts';
import pg from 'pg';

// Statements sent to PostgreSQL, counted per request (each is a round trip).
let statements = 0;
let lastTexts: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '';
  lastTexts.push(text.replace(/\s+/g, ' ').slice(0, 110));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const n = Number(process.argv[2] ?? 500);
/** Mean, p50, p99 and max of timings in ms (sorts them). */
function timed(times: number[]): string {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(2);
  return `mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms, p50 ${at(0.5)}, p99 ${at(0.99)}, max ${at(1)}`;
}
const username = process.argv[3] ?? 'xzf_head';
const year = Number(chinaToday().slice(0, 4));
const { platform } = await openPlatform(loadConfig(), MODULES);
const app = await buildApp(platform, { logger: { level: 'error' } });
await app.ready();
console.log(`machine: ${machine()}; ${username}, ${n} requests each, one at a time`);
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
for (const url of [`/api/v1/indicators?year=${year}`, `/api/v1/indicators?year=${year}&unit=SFX-D05`, `/api/v1/indicators/mediation.success_rate/by-unit?year=${year}`, '/api/v1/dashboard/lights', '/api/v1/auth/me']) {
  const times: number[] = [];
  let bytes = 0;
  const before = statements;
  for (let i = 0; i < n; i++) {
    lastTexts = [];
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    bytes = res.rawPayload.length;
  }
  console.log(`${url.padEnd(62)} ${timed(times)} (${bytes.toLocaleString()} bytes; ${((statements - before) / n).toFixed(1)} statements a request)`);
  // BENCH_SHOW_SQL=1: the statements of the last request, in order.
  if (process.env.BENCH_SHOW_SQL) for (const text of lastTexts) console.log(`    ${text}`);
}
// The writes of bench/busy-county.ts, one at a time, as the law office (BENCH_WRITES=0 leaves them out).
const writes = Number(process.env.BENCH_WRITES ?? Math.ceil(n / 10));
if (writes > 0) {
  const office = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fzb_wang', password: DEMO_PASSWORD } });
  if (office.statusCode !== 200) throw new Error(`login failed: ${office.body}`);
  const headers = { cookie: office.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': office.json().csrfToken };
  const unitId = (await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D05').executeTakeFirstOrThrow()).id;
  const today = chinaToday();
  const made: Record<string, { id: string; version: number }[]> = { dispute: [], foi: [] };
  const steps: [string, () => { url: string; payload: Record<string, unknown>; keep?: string }][] = [
    ['POST /disputes', () => ({ url: '/api/v1/disputes', payload: { unitId, type: '邻里纠纷', parties: '甲某与乙某', summary: '测量登记的纠纷。', receivedDate: today, channel: 'people', mediators: '张调解员' }, keep: 'dispute' })],
    ['POST /foi-requests', () => ({ url: '/api/v1/foi-requests', payload: { unitId, receivedDate: today, applicantName: '张某', content: '测量的公开申请。', channel: 'online' }, keep: 'foi' })],
    ['dispute → start', () => { const d = made.dispute!.pop()!; return { url: `/api/v1/workflow/dispute/${d.id}/transitions/start`, payload: { version: d.version } }; }],
    ['foi request → reply', () => { const r = made.foi!.pop()!; return { url: `/api/v1/workflow/foi_request/${r.id}/transitions/reply`, payload: { version: r.version, values: { replyType: 'disclosed' } } }; }],
  ];
  for (const [label, next] of steps) {
    const times: number[] = [];
    const before = statements;
    for (let i = 0; i < writes; i++) {
      lastTexts = [];
      const { url, payload, keep } = next();
      const t = performance.now();
      const res = await app.inject({ method: 'POST', url, payload, headers });
      times.push(performance.now() - t);
      if (res.statusCode >= 300) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (keep) made[keep]!.push({ id: res.json().id, version: res.json().version });
    }
    console.log(`${label.padEnd(62)} ${timed(times)} (${((statements - before) / writes).toFixed(1)} statements a write)`);
    if (process.env.BENCH_SHOW_SQL) for (const text of lastTexts) console.log(`    ${text}`);
  }
  // Each dashboard read right after a dispute's registration (a write to the tables most figures read):
  // what a reader pays for the write, in process and with no other request.
  const reads = [`/api/v1/indicators?year=${year}`, `/api/v1/indicators?year=${year - 1}`, `/api/v1/indicators?year=${year}&unit=SFX-D05`, `/api/v1/indicators/mediation.success_rate/by-unit?year=${year}`, '/api/v1/dashboard/lights'];
  for (const url of reads) {
    const times: number[] = [];
    for (let i = 0; i < writes; i++) {
      const write = await app.inject({ method: 'POST', url: '/api/v1/disputes', payload: steps[0]![1]().payload, headers });
      if (write.statusCode >= 300) throw new Error(`POST /disputes: ${write.statusCode} ${write.body.slice(0, 200)}`);
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie, 'accept-encoding': 'br' } });
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    console.log(`after a write: ${url.padEnd(62)} ${timed(times)}`);
  }
}
await app.close();
await platform.close();

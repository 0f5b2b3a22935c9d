// One dashboard read, in process and one at a time (no network, no concurrency): where a request's
// time goes on this database. Signs in as the county head and times N requests of each of the
// dashboard's reads through the app (Fastify's inject); run under `node --cpu-prof` to see by function.
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
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / n;
  console.log(`${url.padEnd(62)} mean ${mean.toFixed(2)} ms, p50 ${times[n >> 1]!.toFixed(2)}, p99 ${times[Math.floor(n * 0.99)]!.toFixed(2)} (${bytes.toLocaleString()} bytes; ${((statements - before) / n).toFixed(1)} statements a request)`);
  // BENCH_SHOW_SQL=1: the statements of the last request, in order.
  if (process.env.BENCH_SHOW_SQL) for (const text of lastTexts) console.log(`    ${text}`);
}
await app.close();
await platform.close();

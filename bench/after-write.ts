// What a dashboard pays for a write, in process: after each dispute registration, the busy county's
// six dashboard reads in turn (bench/busy-county.ts: this year's, last year's and the year before's
// figures, a unit's figures, a ranking, 红黄牌), each timed, and their sum. Run under
// `node --cpu-prof` or with bench/sql-timing.mjs preloaded to see where it goes.
// Usage: FAZHI_DATA_DIR=… node bin/run-ts.mjs bench/after-write.ts [WRITES]
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { buildApp } from '../src/server/app.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
const n = Number(process.argv[2] ?? 200);
const year = Number(chinaToday().slice(0, 4));
const { platform } = await openPlatform(loadConfig(), MODULES);
const app = await buildApp(platform, { logger: { level: 'error' } });
await app.ready();
const signedIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fzb_wang', password: DEMO_PASSWORD } });
if (signedIn.statusCode !== 200) throw new Error(`login failed: ${signedIn.body}`);
const office = { cookie: signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: signedIn.json().csrfToken };
const unitId = (await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D05').executeTakeFirstOrThrow()).id;
const reads = [`/api/v1/indicators?year=${year}`, `/api/v1/indicators?year=${year - 1}`, `/api/v1/indicators?year=${year - 2}`, `/api/v1/indicators?year=${year}&unit=SFX-D05`, `/api/v1/indicators/mediation.success_rate/by-unit?year=${year}`, '/api/v1/dashboard/lights'];
for (const url of reads) await app.inject({ method: 'GET', url, headers: { cookie: office.cookie } });
const per = new Map(reads.map((u) => [u, [] as number[]]));
const w: number[] = [];
for (let i = 0; i < n; i++) {
  let t = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/v1/disputes', payload: { unitId, type: '邻里纠纷', parties: '甲某与乙某', summary: '测量。', receivedDate: chinaToday(), channel: 'people', mediators: '张' }, headers: { cookie: office.cookie, 'x-csrf-token': office.csrf } });
  w.push(performance.now() - t);
  if (res.statusCode !== 201) throw new Error(res.body);
  for (const url of reads) {
    t = performance.now();
    const r = await app.inject({ method: 'GET', url, headers: { cookie: office.cookie, 'accept-encoding': 'br' } });
    per.get(url)!.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(r.body);
  }
}
const mean = (times: number[]) => times.reduce((a, b) => a + b, 0) / times.length;
const p50 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(`POST /disputes: p50 ${p50(w).toFixed(2)}, mean ${mean(w).toFixed(2)} ms`);
for (const [url, times] of per) console.log(`then ${url.padEnd(64)} p50 ${p50(times).toFixed(2)}, mean ${mean(times).toFixed(2)} ms`);
console.log(`the six reads after a write: ${[...per.values()].reduce((sum, times) => sum + mean(times), 0).toFixed(2)} ms (sum of means)`);
await app.close(); await platform.close();

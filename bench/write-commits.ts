// Dispute registrations one after another, in process, each timed: how many take over 20 ms. With
// bench/sql-timing.mjs preloaded, per statement (the COMMIT's own time and its slow ones).
// FTS_AUTOMERGE=N sets the search index's automerge (FTS5; SQLite's default is 4) on every index
// table first, to see how much of the slow commits are the index merging its segments.
// Usage: FAZHI_DATA_DIR=… node --import ./bench/sql-timing.mjs bin/run-ts.mjs bench/write-commits.ts [WRITES]
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { buildApp } from '../src/server/app.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { sql } from 'kysely';
const n = Number(process.argv[2] ?? 1000);
const { platform } = await openPlatform(loadConfig(), MODULES);
if (process.env.FTS_AUTOMERGE) {
  const tables = (await platform.db.selectFrom('sqlite_master' as any).select('name').where('sql', 'like', '%USING fts5%').execute()).map((r: any) => r.name);
  for (const t of tables) await sql.raw(`insert into "${t}"("${t}", rank) values('automerge', ${Number(process.env.FTS_AUTOMERGE)})`).execute(platform.db);
  console.log(`automerge ${process.env.FTS_AUTOMERGE} on ${tables.length} fts tables`);
}
const app = await buildApp(platform, { logger: { level: 'error' } });
await app.ready();
const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fzb_wang', password: DEMO_PASSWORD } });
const headers = { cookie: r.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': r.json().csrfToken };
const unitId = (await platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D05').executeTakeFirstOrThrow()).id;
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/v1/disputes', payload: { unitId, type: '邻里纠纷', parties: `甲某${i}与乙某`, summary: `测量登记的纠纷，第${i}件，涉及排水沟和院墙。`, receivedDate: chinaToday(), channel: 'people', mediators: '张调解员' }, headers });
  times.push(performance.now() - t);
  if (res.statusCode !== 201) throw new Error(res.body);
}
times.sort((a, b) => a - b);
console.log(`${n} writes: p50 ${times[n >> 1]!.toFixed(1)} p99 ${times[Math.floor(n * 0.99)]!.toFixed(1)} max ${times[n - 1]!.toFixed(1)} ms; over 20 ms: ${times.filter((t) => t > 20).length}`);
await app.close(); await platform.close();

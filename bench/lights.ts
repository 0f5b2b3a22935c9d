// The 红黄牌 totals after a clock write, in process: COUNT times, one running clock's due date moves
// (a day later, then back), and the next whole-county totals are timed; then the same totals with no
// write between. Prints the median, p95 and max, and the load average.
// Usage: FAZHI_DATA_DIR=bench-county node bin/run-ts.mjs bench/lights.ts [COUNT]
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { lightsByUnit } from '../src/server/kernel/workflow/lights.ts';
import { machine } from './load.ts';

const count = Number(process.argv[2] ?? 40);
const { platform } = await openPlatform(loadConfig(), MODULES);
console.log(`machine: ${machine()}; load average at start ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const running = Number((await sql<{ n: number }>`select count(*) as n from clocks where status = 'running'`.execute(platform.db)).rows[0]!.n);
const clocks = await platform.db.selectFrom('clocks').select(['id', 'due_date']).where('status', '=', 'running').orderBy('id').limit(count).execute();
const shifted = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const all = { all: true } as const;
let t = performance.now();
await lightsByUnit(platform, all);
console.log(`${running} running clocks; first totals: ${(performance.now() - t).toFixed(1)} ms`);

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)}  p95 ${s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!.toFixed(1)}  max ${s.at(-1)!.toFixed(1)} ms`;
};
const writes: number[] = [];
const reads: number[] = [];
for (const [i, c] of clocks.entries()) {
  t = performance.now();
  await platform.db.updateTable('clocks').set({ due_date: shifted(c.due_date, i % 2 ? -1 : 1) }).where('id', '=', c.id).execute();
  writes.push(performance.now() - t);
  t = performance.now();
  await lightsByUnit(platform, all);
  reads.push(performance.now() - t);
}
for (const c of clocks) await platform.db.updateTable('clocks').set({ due_date: c.due_date }).where('id', '=', c.id).execute();
const warm: number[] = [];
for (let i = 0; i < count; i++) {
  t = performance.now();
  await lightsByUnit(platform, all);
  warm.push(performance.now() - t);
}
console.log(`clock write (due date moved):        ${stats(writes)}`);
console.log(`next county 红黄牌 totals after it:   ${stats(reads)}`);
console.log(`county 红黄牌 totals, no write between: ${stats(warm)}`);
console.log(`load average at end ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
await platform.close();

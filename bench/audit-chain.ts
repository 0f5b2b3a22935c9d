// The audit chain's lock under writers whose process is busy (PostgreSQL): WRITERS concurrent
// transactions, each a business statement and one audit entry, for SECONDS, while the same event
// loop burns BUSY_MS of CPU per turn (as request workers serving readers do). Every append holds the
// chain's lock from its grant to its commit, so the writes a second are bounded by how many turns
// of this process fall inside that hold. Prints writes a second and the transactions' latency.
// Usage: DATABASE_URL=postgres://… FAZHI_DATA_DIR=… node bin/run-ts.mjs bench/audit-chain.ts [SECONDS] [WRITERS] [BUSY_MS,…]
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { SYSTEM_ACTOR } from '../src/server/kernel/audit/index.ts';
import { machine } from './load.ts';

const seconds = Number(process.argv[2] ?? 10);
const writers = Number(process.argv[3] ?? 20);
const busySteps = (process.argv[4] ?? '0,2,5').split(',').map(Number);
const { platform } = await openPlatform(loadConfig(), MODULES);
if (platform.dialect !== 'postgres') throw new Error('PostgreSQL only: set DATABASE_URL');
console.log(`machine: ${machine()}; ${writers} writers, ${seconds} s a step`);
const actor = { ...SYSTEM_ACTOR, name: 'bench_audit_chain' };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
for (const busyMs of busySteps) {
  let running = true;
  // The event loop's other work: BUSY_MS of CPU, then a turn for whatever I/O is waiting.
  const burn = () => {
    if (!running) return;
    const until = performance.now() + busyMs;
    while (performance.now() < until);
    setImmediate(burn);
  };
  if (busyMs > 0) setImmediate(burn);
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    while (performance.now() < end) {
      const t = performance.now();
      await platform.db.transaction().execute(async (tx) => {
        await sql`select ${w}`.execute(tx);
        await platform.audit.record(tx, actor, { action: 'bench.write', targetId: String(w) });
      });
      latencies.push(performance.now() - t);
    }
  }));
  running = false;
  latencies.sort((a, b) => a - b);
  console.log(`busy ${busyMs} ms a turn: ${(latencies.length / seconds).toFixed(0)} writes/s, p50 ${pct(latencies, 0.5).toFixed(1)}, p95 ${pct(latencies, 0.95).toFixed(1)}, p99 ${pct(latencies, 0.99).toFixed(1)}, max ${latencies.at(-1)!.toFixed(1)} ms`);
}
const check = await platform.audit.verify(platform.db);
console.log(`chain intact: ${check.ok} (${check.rows} entries)`);
await platform.close();

// The read path of a figures request while writes pile up change rows (PostgreSQL): every read of
// the write generations adds up the change rows appended since the last fold. This times the
// county's warm figures, and the generations' read alone, after 0 … N single-row writes.
// Usage: DATABASE_URL=postgres://… FAZHI_DATA_DIR=… node bin/run-ts.mjs bench/generations.ts [WRITES,…] [READS]
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { computeAll, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';
import { readGenerations } from '../src/server/kernel/db/generations.ts';
import { machine } from './load.ts';

const steps = (process.argv[2] ?? '0,1000,5000,20000').split(',').map(Number);
const reads = Number(process.argv[3] ?? 300);
const { platform } = await openPlatform(loadConfig(), MODULES);
if (platform.dialect !== 'postgres') throw new Error('PostgreSQL only: set DATABASE_URL');
console.log(`machine: ${machine()}`);
const year = new Date().getFullYear() - 1;
const county = await scopeForUnitCode(platform, year, undefined);
const disputes = (await platform.db.selectFrom('disputes').select(['id', 'unit_id']).limit(200).execute());
if (!disputes.length) throw new Error('no disputes: load the demo or the county data set first');

await platform.facts.fold(true);
let written = 0;
const changeRows = async () => Number((await sql<{ n: number }>`select count(*) as n from indicator_changes`.execute(platform.db)).rows[0]!.n);
const timed = async (work: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return `mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms, p50 ${times[times.length >> 1]!.toFixed(2)}, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(2)}`;
};
for (const step of steps) {
  // Single-row writes, each its own transaction, as an API request writes: a dispute rewritten in place.
  for (; written < step; written++) {
    const d = disputes[written % disputes.length]!;
    await platform.db.updateTable('disputes').set({ unit_id: d.unit_id }).where('id', '=', d.id).execute();
  }
  await computeAll(platform, county); // the first read after the writes rereads the written sets
  const before = await changeRows();
  const figures = await timed(() => computeAll(platform, county));
  const generations = await timed(() => readGenerations(platform.db));
  console.log(`after ${String(step).padStart(6)} writes (change rows: ${before} → ${await changeRows()}): county figures ${figures}; generations alone ${generations}`);
}
await platform.close();

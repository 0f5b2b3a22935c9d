// Global search on the county data set (bench/generate-county.ts): builds the index if it is not
// there (timed), then runs queries taken from the data — refs, parties' names, words of titles,
// unit names, one- and two-character words — as the law office (whole county) and as a unit's
// liaison, and prints p50 / p95 / max per kind of query, in process (HTTP adds the request's ~1 ms).
// Usage: FAZHI_DATA_DIR=bench-county node bin/run-ts.mjs bench/search.ts [ROUNDS]
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { actingAs } from '../src/server/kernel/auth/acting-as.ts';
import { search } from '../src/server/kernel/search/index.ts';
import { machine } from './load.ts';

const rounds = Number(process.argv[2] ?? 3);
let t = performance.now();
const { platform } = await openPlatform(loadConfig(), MODULES);
console.log(`machine: ${machine()}`);
console.log(`opening the platform (builds the search index when missing or stale): ${Math.round(performance.now() - t)} ms`);
const sizes = await Promise.all(platform.searchTargets.map(async (s) => [s.table, Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(s.table)}`.execute(platform.db)).rows[0]!.n)] as const));
console.log(`searchable: ${sizes.map(([table, n]) => `${table} ${n.toLocaleString()}`).join(', ')}`);

/** Samples of a column: rows at spread positions, so the queries are real values of the data set. */
async function sample(table: string, column: string, n: number): Promise<string[]> {
  const rows = await sql<{ v: string | null }>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(column)} is not null order by id limit ${n} offset 0`.execute(platform.db);
  const total = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(platform.db)).rows[0]!.n);
  const spread: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = Math.floor((total * (i + 0.5)) / n);
    const r = await sql<{ v: string | null }>`select ${sql.ref(column)} as v from ${sql.table(table)} order by id limit 1 offset ${at}`.execute(platform.db);
    if (r.rows[0]?.v) spread.push(r.rows[0].v);
  }
  return spread.length ? spread : rows.rows.map((r) => r.v!).filter(Boolean);
}

const word = (s: string, len: number) => {
  const chars = [...s.replace(/[\s（）()《》〔〕、，。：:·-]/g, '')];
  const from = Math.max(0, Math.floor(chars.length / 2) - Math.floor(len / 2));
  return chars.slice(from, from + len).join('');
};

const refs = [...(await sample('disputes', 'ref', 10)), ...(await sample('foi_requests', 'ref', 10))];
const parties = [...(await sample('review_cases', 'applicant_name', 10)), ...(await sample('foi_requests', 'applicant_name', 10))];
const titles = (await sample('disputes', 'title', 20)).map((s) => word(s, 4));
const units = (await sql<{ name: string }>`select name from org_units order by code limit 20`.execute(platform.db)).rows.map((r) => r.name.replace(/^示范县/, ''));
const short = [...parties.map((p) => word(p, 2)), ...titles.map((s) => word(s, 1))].slice(0, 20);
const kinds: Record<string, string[]> = { 'ref (exact)': refs, 'party name': parties, 'title words (4 characters)': titles, 'unit name': units, 'one or two characters': short };

const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (${s.length} queries)`;
};

const liaison = (await sql<{ username: string }>`select u.username from users u join user_roles r on r.user_id = u.id where r.role = 'unit_liaison' order by u.username limit 1`.execute(platform.db)).rows[0]?.username;
for (const username of ['fzb_wang', liaison].filter(Boolean) as string[]) {
  const ctx = await actingAs(platform, username);
  console.log(`\nin process, as ${username} (${ctx.scope.all ? 'whole county' : `${ctx.scope.unitIds.length} units`}), ${rounds} rounds:`);
  for (const [kind, queries] of Object.entries(kinds)) {
    const times: number[] = [];
    let hits = 0;
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        t = performance.now();
        const groups = await search(platform, ctx, q, 5);
        times.push(performance.now() - t);
        if (r === 0 && groups.length) hits++;
      }
    }
    console.log(`  ${kind.padEnd(28)} ${stats(times)}; ${hits}/${queries.length} found something`);
  }
}

await platform.close();

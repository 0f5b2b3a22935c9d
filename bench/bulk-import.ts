// What the summary tables' deltas cost a bulk import: ROWS disputes (received over the last three
// years, a third of them closed) imported through the import runner as the law office, once with
// the delta triggers removed and once with them, on the county data set whose summary sets of those
// years are stored (so every row moves counts). After the import without deltas the sets are
// repaired (`rebuild`, which reports the drift it found); after the one with deltas they must have
// none. The imported disputes are deleted at the end.
// Usage: FAZHI_DATA_DIR=bench-county node bin/run-ts.mjs bench/bulk-import.ts [ROWS]
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { computeAll, scopeForUnitCode } from '../src/server/kernel/indicators/registry.ts';
import { actingAs } from '../src/server/kernel/auth/acting-as.ts';
import { runImport } from '../src/server/kernel/imports/run.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';
import { machine } from './load.ts';

const rows = Number(process.argv[2] ?? 100_000);
const YEAR = Number(chinaToday().slice(0, 4));
const { platform } = await openPlatform(loadConfig(), MODULES);
console.log(`machine: ${machine()}; load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const office = await actingAs(platform, 'fzb_wang');
const importer = { ...office, permissions: new Set(platform.grants.keys()) } as any;
const type = platform.importTypes.get('disputes')!;
const units = (await platform.db.selectFrom('org_units').select('code').where('parent_id', 'is not', null).execute()).map((u) => u.code);
for (const year of [YEAR, YEAR - 1, YEAR - 2]) await computeAll(platform, await scopeForUnitCode(platform, year, undefined));

/** A JSON Lines file of disputes with refs `prefix-n`. */
function file(prefix: string): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const year = YEAR - (i % 3);
    const received = `${year}-${String(1 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    const closed = i % 3 === 0 ? { outcome: i % 2 ? 'success' : 'failure', closedDate: received } : {};
    lines.push(JSON.stringify({ ref: `${prefix}-${i}`, receivedDate: received, unitCode: units[i % units.length], type: '邻里纠纷', parties: '甲某、乙某', summary: '相邻通行纠纷', mediators: '张调解员', channel: 'people', lawyerInvolved: i % 5 === 0 ? '是' : '否', ...closed }));
  }
  return Buffer.from(lines.join('\n'));
}

async function timed(label: string, prefix: string): Promise<number> {
  const t = performance.now();
  const result = await runImport(platform, importer, type, 'disputes.jsonl', file(prefix));
  const ms = performance.now() - t;
  console.log(`${label}: ${result.created.toLocaleString()} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(result.created / (ms / 1000)).toLocaleString()} rows/s)`);
  return ms;
}

const stamp = Date.now().toString(36);
try {
  await platform.facts.dropDeltaTriggers();
  const without = await timed('import without deltas', `BULK-A${stamp}`);
  await platform.facts.install(['clocks', 'org_units']);
  const repaired = await platform.facts.rebuild({ repair: true });
  console.log(`  then repaired by rebuild: ${repaired.drifts.length} stale sets (${repaired.drifts.map((d) => `${d.code} ${d.year}`).join(', ')})`);
  const withDeltas = await timed('import with deltas   ', `BULK-B${stamp}`);
  console.log(`with deltas / without: ${(withDeltas / without).toFixed(2)}× (target ≤ 1.5×)`);
  const check = await platform.facts.rebuild({ repair: false });
  console.log(`summary sets checked after the import with deltas: ${check.checked}, drifted: ${check.drifts.length}`);
} finally {
  const t = performance.now();
  const removed = await platform.db.deleteFrom('disputes').where('ref', 'like', `BULK-%${stamp}-%`).executeTakeFirst();
  console.log(`removed the ${Number(removed.numDeletedRows).toLocaleString()} imported disputes in ${Math.round(performance.now() - t)} ms`);
  await platform.close();
}

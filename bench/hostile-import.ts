// Posts a hostile xlsx (a zip bomb of tiny rows: ~1.6 MB on disk, ~460 MB of sheet XML) to a
// dry-run import as a unit liaison, polling /healthz meanwhile. Prints the import's time and answer,
// the worst /healthz latency, and the process's peak RSS.
//   node bin/run-ts.mjs bench/hostile-import.ts [rows=6000000]
import { performance } from 'node:perf_hooks';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart } from '../test/harness.ts';
import { xlsxBomb } from '../test/xlsx-bomb.ts';

const rows = Number(process.argv[2] ?? 6_000_000);
// 'refs' writes row and cell references (r="A7"): ~15× larger zip, but the shape every writer uses.
const noRefs = process.argv[3] !== 'refs';
const env = await createTestEnv();
try {
  const unit = await makeUnit(env.platform);
  const liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit, roles: ['unit_liaison'] })).username);
  let t = performance.now();
  const file = await xlsxBomb({ headers: ['外部编号', '受理单位编码', '纠纷类型', '受理日期', '调解途径', '当事人', '纠纷简况', '调解员'], rows, dataCells: 1, noRefs });
  console.log(`bomb: ${rows} rows, ${(file.length / 1e6).toFixed(2)} MB zipped, built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS;
  let worst = 0;
  let polls = 0;
  let stop = false;
  const poller = (async () => {
    // Latency counted from when the poll was due (10 ms after the previous answer), so time the
    // event loop spends blocked before the poll even starts counts too.
    while (!stop) {
      const due = performance.now() + 10;
      await new Promise((r) => setTimeout(r, 10));
      await env.app.inject({ method: 'GET', url: '/healthz' });
      worst = Math.max(worst, performance.now() - due);
      polls++;
    }
  })();
  t = performance.now();
  const res = await liaison.request({ method: 'POST', url: '/api/v1/imports/disputes?dryRun=true', ...multipart('纠纷.xlsx', file) });
  const elapsed = performance.now() - t;
  stop = true;
  await poller;
  console.log(`import: ${res.statusCode} in ${(elapsed / 1000).toFixed(2)} s — ${res.json().detail} ${JSON.stringify(res.json().errors?.slice(0, 2) ?? '')}`);
  console.log(`/healthz: ${polls} polls, worst ${worst.toFixed(0)} ms`);
  console.log(`RSS before the import ${(rssBefore / 2 ** 20).toFixed(0)} MB (peak so far ${(peakBefore / 1024).toFixed(0)} MB); peak after ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await env.close();
}

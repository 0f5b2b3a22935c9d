// The daily job (escalation of overdue clocks, then digests) on a data set, forced to run again
// today. To time escalation, first put some overdue clocks back to level 0, e.g. in sqlite3:
//   update clocks set escalation_level = 0 where id in (select id from clocks where status = 'running' and due_date < date('now') limit 5000);
// Usage: FAZHI_DATA_DIR=bench-county node bin/run-ts.mjs bench/daily.ts
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';

const { platform } = await openPlatform(loadConfig(), MODULES);
const t = performance.now();
const summary = await runDailyJob(platform, undefined, { force: true });
console.log(`daily job: ${Math.round(performance.now() - t)} ms`, JSON.stringify(summary));
await platform.close();

// Where a server's SQLite time goes, by statement: preload into the server and its workers with
// BENCH_SERVER_NODE_ARGS="--import ./bench/sql-timing.mjs" (SQL_TIMING_DIR, default /tmp, gets one
// file per process at exit: per statement text its total ms, calls, mean, max and how many took over
// 20 ms, most time first).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const timing = new Map();
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (text, ...rest) {
  const statement = prepare.call(this, text, ...rest);
  const key = text.replace(/\s+/g, ' ').slice(0, 200);
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = statement[method];
    statement[method] = function (...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const entry = timing.get(key) ?? { ms: 0, calls: 0, max: 0, over20: 0 };
        const ms = performance.now() - start;
        entry.ms += ms;
        entry.calls++;
        entry.max = Math.max(entry.max, ms);
        if (ms > 20) entry.over20++;
        timing.set(key, entry);
      }
    };
  }
  return statement;
};
process.on('exit', () => {
  if (!timing.size) return;
  const rows = [...timing].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((sum, [, e]) => sum + e.ms, 0);
  const lines = [`${total.toFixed(0)} ms in ${rows.reduce((s, [, e]) => s + e.calls, 0)} statements`, ...rows.slice(0, 60).map(([text, e]) => `${e.ms.toFixed(0).padStart(7)} ms ${String(e.calls).padStart(7)} × ${((e.ms / e.calls) * 1000).toFixed(0).padStart(6)} µs, max ${e.max.toFixed(1).padStart(6)} ms, ${String(e.over20).padStart(4)} over 20 ms  ${text}`)];
  writeFileSync(join(process.env.SQL_TIMING_DIR ?? '/tmp', `sql-timing-${process.pid}.txt`), lines.join('\n') + '\n');
});

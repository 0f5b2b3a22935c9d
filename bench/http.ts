// HTTP load against a running server (started by this script on FAZHI_DATA_DIR): /healthz, login,
// and an authenticated paged list. Prints req/s and p50/p95/p99. Only loopback traffic.
// Usage: FAZHI_DATA_DIR=bench-data npm run bench:http [-- SECONDS CONNECTIONS]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 50);
const port = 3950;
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, ['bin/fazhi.mjs', 'start'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', FAZHI_LOGIN_RATE_LIMIT: '100000000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (i > 150) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'b_bp', password: 'Bench#Pass2026' }) });
  if (!login.ok) throw new Error(`login failed (${login.status}): run bench/generate.ts on this data directory first`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  async function run(title: string, path: string, opts: Partial<autocannon.Options>, conns = connections) {
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: base + path, connections: conns, duration: seconds, ...opts } as autocannon.Options, (error, res) => (error ? reject(error) : resolve(res)));
      instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
        if (status < 400) latencies.push(ms);
      });
    });
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
    const errors = result.non2xx + result.errors;
    console.log(`${title.padEnd(44)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   p50 ${pct(50)} ms   p95 ${pct(95)} ms   p99 ${pct(99)} ms   (${conns} conn, ${latencies.length} ok, ${errors} errors)`);
  }

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`);
  await run('GET /healthz', '/healthz', { method: 'GET' });
  await run('POST /api/v1/auth/login (argon2id)', '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'b_bp_c1_k1', password: 'Bench#Pass2026' }) }, 10);
  let page = 0;
  await run('GET /api/v1/users?page=N&pageSize=20 (authenticated)', '/', {
    requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1/users?page=${(page++ % 400) + 1}&pageSize=20`, headers: { cookie } }) }],
  });
  await run('GET /api/v1/users?q=第3市&pageSize=20 (search)', `/api/v1/users?q=${encodeURIComponent('第3市')}&pageSize=20`, { method: 'GET', headers: { cookie } });
} finally {
  server.kill('SIGTERM');
}

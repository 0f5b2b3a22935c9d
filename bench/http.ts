// HTTP load against a running server (started by this script on FAZHI_DATA_DIR): /healthz, login,
// /auth/me (the floor of any authenticated request),
// and an authenticated paged list. Prints req/s and p50/p95/p99. Only loopback traffic.
// Usage: FAZHI_DATA_DIR=bench-data npm run bench:http [-- SECONDS CONNECTIONS]
import { load, machine, startBenchServer } from './load.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 50);
const server = await startBenchServer(3950);
try {
  const cookie = await server.login('b_bp', 'Bench#Pass2026');
  const run = (title: string, path: string, opts: Parameters<typeof load>[3], conns = connections) => load(server.base, title, path, opts, conns, seconds);

  console.log(`machine: ${machine()}`);
  await run('GET /healthz', '/healthz', { method: 'GET' });
  await run('POST /api/v1/auth/login (argon2id)', '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'b_bp_c1_k1', password: 'Bench#Pass2026' }) }, 10);
  // The floor for any authenticated request: the guard (session, roles) and a small answer.
  await run('GET /api/v1/auth/me (authenticated)', '/api/v1/auth/me', { method: 'GET', headers: { cookie } });
  let page = 0;
  await run('GET /api/v1/users?page=N&pageSize=20 (authenticated)', '/', {
    requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1/users?page=${(page++ % 400) + 1}&pageSize=20`, headers: { cookie } }) }],
  });
  // A county head sees only the county's subtree: the scope is an IN list of its units.
  const countyHead = await server.login('b_bp_c1_k1', 'Bench#Pass2026');
  let countyPage = 0;
  await run('GET /api/v1/users?page=N (county head, scoped)', '/', {
    requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1/users?page=${(countyPage++ % 5) + 1}&pageSize=20`, headers: { cookie: countyHead } }) }],
  });
  await run('GET /api/v1/users?q=第3市&pageSize=20 (search)', `/api/v1/users?q=${encodeURIComponent('第3市')}&pageSize=20`, { method: 'GET', headers: { cookie } });
} finally {
  server.stop();
}

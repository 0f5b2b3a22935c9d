import { load, startBenchServer } from './load.ts';
const server = await startBenchServer(3952);
try {
  const cookie = await server.login('b_bp', 'Bench#Pass2026');
  await load(server.base, 'me', '/api/v1/auth/me', { method: 'GET', headers: { cookie } }, 50, 8);
  let page = 0;
  for (let i = 0; i < 2; i++) await load(server.base, 'list', '/', { requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1/users?page=${(page++ % 400) + 1}&pageSize=20`, headers: { cookie } }) }] }, 50, 8);
} finally { server.stop(); }

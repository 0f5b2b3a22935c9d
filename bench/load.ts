// Shared by the HTTP benchmarks: start `fazhi start` on the current data directory, log in, and run
// autocannon with percentiles computed from every successful response. Only loopback traffic.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface BenchServer {
  base: string;
  login(username: string, password: string): Promise<string>;
  stop(): void;
}

/**
 * Runs today's daily job to its end (or finds it already run) before the server starts: the server
 * would otherwise start it in a process of its own a few seconds in, and on a large data set the
 * benchmark would measure through it. `options.dailyJob: 'leave'` starts the server with today's
 * job left to it (bench/daily-under-load.ts measures exactly that). BENCH_PORT, when set, takes the
 * place of the script's own port (a host shared with other servers). BENCH_SERVER_NODE_ARGS adds
 * Node flags to the server and its workers, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where
 * their time goes under the bench's load (Node refuses --cpu-prof in NODE_OPTIONS).
 */
export async function startBenchServer(defaultPort: number, options: { dailyJob?: 'first' | 'leave'; env?: NodeJS.ProcessEnv } = {}): Promise<BenchServer> {
  const port = Number(process.env.BENCH_PORT || defaultPort);
  const base = `http://127.0.0.1:${port}`;
  if (options.dailyJob !== 'leave') {
    const job = spawn(process.execPath, ['bin/fazhi.mjs', 'jobs', 'daily'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const code = await new Promise<number | null>((resolve) => job.on('exit', resolve));
    if (code !== 0) throw new Error(`the daily job failed before the server started (exit ${code})`);
  }
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, 'bin/fazhi.mjs', 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', FAZHI_LOGIN_RATE_LIMIT: '100000000', ...options.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // A large data set on a busy host can take minutes to open (each worker installs the triggers it checks).
      if (i > 1500) {
        server.kill('SIGTERM');
        throw new Error('server did not start');
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    base,
    async login(username, password) {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (!res.ok) throw new Error(`login as ${username} failed (${res.status}): generate the data set on this data directory first`);
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    },
    stop: () => server.kill('SIGTERM'),
  };
}

/** The province's law office in the ten-county data set (bench/generate-county.ts): it sees every county. */
export const PROVINCE_OFFICE = 'sfs_fzb';

/** The host's one-minute load average, printed beside figures taken on a shared host. */
export const loadAverage = () => loadavg()[0]!.toFixed(1);

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`;
}

/**
 * Runs `seconds` of load and prints the figures, after 2 s of the same load that is not counted:
 * each worker process compiles a request's code path on its first requests, and a steady state is
 * what a server that has been up for a while shows.
 */
export async function load(base: string, title: string, path: string, opts: Partial<autocannon.Options>, connections: number, seconds: number): Promise<void> {
  await new Promise((resolve, reject) => autocannon({ url: base + path, connections, duration: 2, ...opts } as autocannon.Options, (error, res) => (error ? reject(error) : resolve(res))));
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base + path, connections, duration: seconds, ...opts } as autocannon.Options, (error, res) => (error ? reject(error) : resolve(res)));
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status < 400) latencies.push(ms);
    });
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
  const errors = result.non2xx + result.errors;
  console.log(`${title.padEnd(48)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   p50 ${pct(50)} ms   p95 ${pct(95)} ms   p99 ${pct(99)} ms   (${connections} conn, ${latencies.length} ok, ${errors} errors; load average ${loadAverage()})`);
}

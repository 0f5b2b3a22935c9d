// Where the server runs its daily job: in a process of its own, at low CPU priority, so that a long
// run (the first start on a large data set escalated 4,150 clocks and read every open record for
// the digests, 28 s) never holds a request-serving event loop. The server only checks, every 15
// minutes, whether today's run is claimed yet (one indexed lookup) and, if not, starts `fazhi jobs
// daily`; the job_runs claim keeps it to one run a day however many processes or nodes check.
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Platform } from '../platform.ts';
import { chinaToday } from '../calendar/days.ts';
import { staleBefore } from './daily.ts';

const FAZHI_BIN = fileURLToPath(new URL('../../../../bin/fazhi.mjs', import.meta.url));
/** Niceness of the job's process: the request-serving processes come first for the CPU. */
const JOB_NICENESS = 10;

interface Log {
  error: (obj: unknown, msg: string) => void;
  info?: (obj: unknown, msg: string) => void;
}

/** Whether today's daily job has been claimed by any process: run, or running and still beating. */
export async function dailyJobClaimed(platform: Platform, date = chinaToday()): Promise<boolean> {
  const row = await platform.db.selectFrom('job_runs').select(['finished_at', 'started_at', 'heartbeat_at']).where('job', '=', 'daily').where('run_date', '=', date).executeTakeFirst();
  return !!row && (row.finished_at !== null || (row.heartbeat_at ?? row.started_at) >= staleBefore());
}

/**
 * Checks 5 s after the start and then every 15 minutes; starts the job's process when today's run is
 * not claimed and none is running from here. Returns a stop function: the server's shutdown ends a
 * running job (its batches are transactions: what was escalated stays escalated; the rest waits for
 * the next day's run, or `fazhi jobs daily` run by hand).
 */
export function scheduleDailyJob(platform: Platform, log: Log): () => void {
  let child: ChildProcess | null = null;
  const tick = async () => {
    if (child) return;
    try {
      if (await dailyJobClaimed(platform)) return;
    } catch (error) {
      log.error({ err: error }, '每日任务检查失败');
      return;
    }
    const args = [FAZHI_BIN, 'jobs', 'daily', '--data', platform.config.dataDir];
    // Not a cluster worker: node:cluster tells its workers by NODE_UNIQUE_ID.
    const { NODE_UNIQUE_ID: _worker, FAZHI_WORKER_INDEX: _index, ...env } = process.env;
    const running = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = running;
    try {
      if (running.pid) setPriority(running.pid, JOB_NICENESS);
    } catch {
      // Not allowed to lower it (some containers): it still runs outside the request path.
    }
    let out = '';
    running.stdout!.on('data', (d) => (out += d));
    running.stderr!.on('data', (d) => (out += d));
    running.on('exit', (code, signal) => {
      child = null;
      if (code !== 0) log.error({ code, signal, output: out.slice(-2000) }, '每日任务执行失败');
      else log.info?.({ output: out.trim().slice(-500) }, '每日任务已执行');
    });
  };
  const first = setTimeout(tick, 5_000);
  const every = setInterval(tick, 15 * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
    child?.kill('SIGTERM');
  };
}

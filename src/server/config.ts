// Configuration from environment variables, with safe defaults (documented in the README).
import { resolve, join } from 'node:path';
import { availableParallelism } from 'node:os';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** PostgreSQL schema to use (tests give each suite its own). */
  pgSchema: string;
  secretKeyFile: string;
  attachmentsDir: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginRateLimitPerMinute: number;
  uploadMaxBytes: number;
  trustProxy: boolean;
  webDir: string;
  /** Headless Chromium that prints reports to PDF (Debian's package). */
  chromiumPath: string;
  logLevel: string;
  /** Overdue working days after which a 督办 goes past the unit head to the law office. */
  escalateAfterWorkingDays: number;
  /** How long a SQLite write waits for another process's write lock before failing (503). */
  sqliteBusyTimeoutMs: number;
  /** Business roles that must sign in with a second factor (TOTP) besides the admin roles, which always do. */
  totpRoles: string[];
  /** Server processes `fazhi start` runs (one per core by default, at most 4; 1 = no worker processes). */
  workers: number;
}

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.FAZHI_DATA_DIR ?? './data');
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    pgSchema: env.FAZHI_PG_SCHEMA || 'public',
    secretKeyFile: resolve(env.FAZHI_SECRET_KEY_FILE ?? join(dataDir, 'secret.key')),
    attachmentsDir: join(dataDir, 'attachments'),
    sessionIdleMinutes: int(env.FAZHI_SESSION_IDLE_MINUTES, 30),
    sessionMaxHours: int(env.FAZHI_SESSION_MAX_HOURS, 12),
    loginRateLimitPerMinute: int(env.FAZHI_LOGIN_RATE_LIMIT, 30),
    uploadMaxBytes: int(env.FAZHI_UPLOAD_MAX_MB, 20) * 1024 * 1024,
    trustProxy: env.FAZHI_TRUST_PROXY === 'true',
    webDir: resolve(env.FAZHI_WEB_DIR ?? 'dist/web'),
    chromiumPath: env.FAZHI_CHROMIUM_PATH || '/usr/bin/chromium',
    logLevel: env.LOG_LEVEL ?? 'info',
    escalateAfterWorkingDays: int(env.FAZHI_ESCALATE_AFTER_DAYS, 3),
    sqliteBusyTimeoutMs: int(env.FAZHI_SQLITE_BUSY_MS, 5000),
    totpRoles: (env.FAZHI_TOTP_ROLES ?? '').split(',').map((r) => r.trim()).filter(Boolean),
    workers: Math.max(1, Math.trunc(int(env.FAZHI_WORKERS, Math.min(availableParallelism(), 4)))),
    ...overrides,
  };
}

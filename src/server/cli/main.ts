// The `fazhi` command. Every command works on FAZHI_DATA_DIR (or --data DIR) and on DATABASE_URL
// when set, and migrates a missing or old database first. Exit 0 on success; non-zero with a
// Chinese message on error.
import { isRatio, trimNumber } from '../../shared/schemas/indicators.ts';
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { openPlatform, type Platform } from '../kernel/platform.ts';
import { MODULES } from '../modules/index.ts';
import { bootstrap, printInitialAccounts } from '../kernel/bootstrap.ts';
import { runImport, ImportFailed } from '../kernel/imports/run.ts';
import { renderImportDocs } from '../kernel/imports/docs.ts';
import { backup, readBackup, restoreInto, wipeDatabase } from '../kernel/db/backup.ts';
import { hashPassword, oneTimePassword } from '../kernel/auth/passwords.ts';
import { endUserSessions } from '../kernel/auth/sessions.ts';
import { clearTotp } from '../kernel/auth/totp.ts';
import { isRole, ROLE_NAMES } from '../../shared/roles.ts';
import { assertRoleSet } from '../modules/org/policy.ts';
import { replaceRoles, rolesOf } from '../modules/org/users.ts';
import type { Actor } from '../kernel/audit/index.ts';
import { nowIso } from '../kernel/ids.ts';
import { userInfo } from 'node:os';
import { computeDeadline } from '../kernel/calendar/deadline.ts';
import { chinaToday, isValidDate } from '../kernel/calendar/days.ts';
import { runDailyJob } from '../kernel/workflow/daily.ts';
import { scheduleDailyJob } from '../kernel/workflow/daily-runner.ts';
import { computeAll, scopeForUnitCode } from '../kernel/indicators/registry.ts';
import { assessmentJson } from '../modules/assessment/cli.ts';
import { disclosureReportJson, disclosureReportText } from '../modules/disclosure/cli.ts';

const HELP = `用法：fazhi <命令> [选项]

命令：
  start                         启动服务（首次启动时初始化数据库并创建管理员）
  init                          创建或升级数据库与密钥文件（可重复执行）
  demo                          载入示范县演示数据（可重复执行，不会重复创建）
  import FILE --type TYPE       批量导入 .xlsx/.csv/.jsonl（--dry-run 只校验不写入）
  import-docs [--write]         由导入类型生成 docs/imports.md 中的列说明表（--write 写回文件，否则检查是否一致）
  backup FILE                   备份数据库与附件到 FILE（gzip 压缩的 JSON Lines）
  restore FILE                  用 FILE 恢复（会清空当前数据库）
  audit verify                  校验审计日志哈希链；被篡改时返回非零并指出第一条异常记录
  user reset-password USERNAME  重置用户（含管理员）密码，打印一次性密码
  user set-roles USERNAME ROLES 设置用户角色（逗号分隔的角色代码；none 表示收回全部角色）
  user reset-totp USERNAME      清除用户的身份验证器与恢复码（下次登录须重新绑定）
  calendar is-workday DATE      某日是工作日（workday）还是休息日（rest），首行输出
  deadline RULE --from DATE     按期限规则计算届满日（首行为 YYYY-MM-DD；--explain 附计算说明，--extended 按批准延长计算）
  indicators --year YYYY [--unit CODE] [--json]
                                计算某年度（某单位及下级，或全部）的全部指标
  assessment --year YYYY [--scheme REF] [--json]
                                某年度考评结果（总分、等次、类别内排名、各项得分；未定稿的按当前数据计算）
  disclosure-report --year YYYY [--unit CODE] [--json]
                                政府信息公开工作年度报告的表二、表三、表四及校验（某单位及下级，或全部）
  indicators rebuild [--check]  按记录重新统计全部指标汇总并报告与原汇总的偏差（--check 只检查不修复，有偏差时返回非零）
  jobs daily [--date DATE]      执行每日任务：逾期督办、待办摘要（当日已执行的跳过）

选项：
  --data DIR                    数据目录（默认 $FAZHI_DATA_DIR 或 ./data）
环境变量：DATABASE_URL（PostgreSQL 连接串）、PORT、FAZHI_DATA_DIR、FAZHI_SECRET_KEY_FILE 等，见 README。`;

const print = (line: string) => process.stdout.write(line + '\n');

class CliError extends Error {}

/** The --year option: a whole year from 2000 to 2100, or the command's usage. */
function yearOption(value: string | undefined, usage: string): number {
  const year = Number(value);
  if (!value || !Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError(`${usage}（年度应为 2000-2100 的整数）`);
  return year;
}

function cliActor(command: string): Actor {
  let who = 'operator';
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (containers): keep the generic name
  }
  return { id: null, name: `cli:${command}@${who}`, roles: ['system'], unitId: null, ip: null };
}

/** `quiet`: for commands whose first output line is their answer; setup messages go to stderr. */
async function withPlatform<T>(config: Config, fn: (platform: Platform) => Promise<T>, options: { quiet?: boolean } = {}): Promise<T> {
  const { platform, keyFileCreated, migrationsApplied } = await openPlatform(config, MODULES);
  const say = options.quiet ? (line: string) => process.stderr.write(line + '\n') : print;
  if (keyFileCreated) say(`已创建密钥文件：${config.secretKeyFile}（权限 0600，请单独妥善备份）`);
  if (migrationsApplied.length) say(`数据库已迁移：${migrationsApplied.join(', ')}`);
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

/**
 * `start`: prepares the database once (key file, migrations, the first administrators), then serves
 * — in this process when `workers` is 1, else in that many worker processes sharing the port
 * (node:cluster), so that a request uses every core. Workers share everything through the database:
 * sessions, login rate limits, the daily job's claim, and the caches' write generations.
 */
async function start(config: Config): Promise<number> {
  if (cluster.isWorker) {
    // A worker that cannot open or listen exits, so that its primary sees it (an open IPC channel
    // would keep it alive, and the server would run on fewer workers without a word).
    const failed = (error: unknown): never => {
      process.stderr.write(`工作进程启动失败：${(error as Error).message}\n`);
      process.exit(1);
    };
    const { platform } = await openPlatform(config, MODULES).catch(failed);
    // One worker schedules the daily job (the job_runs claim would keep it to one run anyway).
    return serve(config, platform, { schedule: process.env.FAZHI_WORKER_INDEX === '0' }).catch(failed);
  }
  const { platform, keyFileCreated } = await openPlatform(config, MODULES);
  if (keyFileCreated) print(`已创建密钥文件：${config.secretKeyFile}（权限 0600，请单独妥善备份）`);
  printInitialAccounts(await bootstrap(platform), print);
  const database = platform.dialect === 'sqlite' ? platform.sqliteFile : 'PostgreSQL';
  const banner = (extra: string) => `Fazhi 已启动：http://localhost:${config.port}（数据库：${database}${extra}）`;
  if (config.workers <= 1) return serve(config, platform, { schedule: true, ready: () => print(banner('')) });
  await platform.close();
  return supervise(config.workers, () => print(banner(`；${config.workers} 个工作进程`)));
}

async function serve(config: Config, platform: Platform, options: { schedule: boolean; ready?: () => void }): Promise<number> {
  const { buildApp } = await import('../app.ts');
  const app = await buildApp(platform, { logger: { level: config.logLevel } });
  let stopping = false;
  let stopDailyJob = () => {};
  const shutdown = async () => {
    // A worker gets the terminal's SIGINT and then its primary's SIGTERM: stop once.
    if (stopping) return;
    stopping = true;
    stopDailyJob();
    // A long daily job holds the database; do not let it keep a stopping server alive.
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  // The daily job runs in a process of its own (kernel/workflow/daily-runner.ts).
  if (options.schedule) stopDailyJob = scheduleDailyJob(platform, app.log);
  options.ready?.();
  return new Promise<number>(() => {});
}

/**
 * The primary process: forks the workers, restarts one that dies after it served, stops everything
 * if one fails before it could listen (a wrong port or database will not mend by retrying), and on
 * SIGINT/SIGTERM stops the workers and exits.
 */
function supervise(count: number, ready: () => void): Promise<number> {
  let stopping = false;
  let listening = 0;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    for (const worker of workers) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(code), 12_000).unref();
    let left = workers.length;
    if (left === 0) process.exit(code);
    for (const worker of workers) worker?.once('exit', () => --left === 0 && process.exit(code));
  };
  const fork = (index: number) => {
    const worker = cluster.fork({ FAZHI_WORKER_INDEX: String(index) });
    let served = false;
    worker.once('listening', () => {
      served = true;
      if (++listening === count) ready();
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (!served) {
        process.stderr.write(`错误：工作进程 ${index} 未能启动（${signal ?? `退出码 ${code}`}），服务停止\n`);
        return stop(1);
      }
      process.stderr.write(`工作进程 ${index} 意外退出（${signal ?? `退出码 ${code}`}），正在重启\n`);
      setTimeout(() => stopping || fork(index), 1_000);
    });
  };
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
  for (let i = 0; i < count; i++) fork(i);
  return new Promise<number>(() => {});
}

/**
 * `indicators rebuild`: the summary tables' repair. Every stored set (figure × year) is compared with
 * a fresh count of the records and, unless only checking, counted afresh; the differences found are
 * printed and audited.
 */
async function rebuildIndicators(config: Config, checkOnly: boolean): Promise<number> {
  return withPlatform(config, async (platform) => {
    const result = await platform.facts.rebuild({ repair: !checkOnly, all: !checkOnly });
    await platform.audit.record(platform.db, cliActor('indicators'), { action: checkOnly ? 'indicators.check' : 'indicators.rebuild', outcome: result.drifts.length ? 'failure' : 'success', detail: { ...result } });
    for (const d of result.drifts) print(`偏差：${d.code} ${d.year} 年 ${d.units.map((u) => `${u.unitId} ${u.off > 0 ? '多' : '少'}计 ${Math.abs(u.off)}`).join('，')}`);
    const counted = checkOnly ? `已核对 ${result.checked} 组汇总（指标×年度）` : `已重新统计 ${result.checked + result.refreshed} 组汇总（指标×年度）`;
    print(`${counted}，与记录不一致的 ${result.drifts.length} 组${result.drifts.length && !checkOnly ? '（已修复）' : ''}。`);
    return checkOnly && result.drifts.length ? 1 : 0;
  });
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        type: { type: 'string' },
        'dry-run': { type: 'boolean' },
        from: { type: 'string' },
        explain: { type: 'boolean' },
        extended: { type: 'boolean' },
        date: { type: 'string' },
        year: { type: 'string' },
        unit: { type: 'string' },
        scheme: { type: 'string' },
        json: { type: 'boolean' },
        write: { type: 'boolean' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`参数错误：${(error as Error).message}\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (!command || values.help) {
    print(HELP);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig(process.env, values.data ? { dataDir: values.data } : {});
  if (values.data && !process.env.FAZHI_SECRET_KEY_FILE) config.secretKeyFile = `${config.dataDir}/secret.key`;
  if (values.data) config.attachmentsDir = `${config.dataDir}/attachments`;

  try {
    switch (command) {
      case 'start':
        return await start(config);
      case 'init':
        return await withPlatform(config, async (platform) => {
          printInitialAccounts(await bootstrap(platform), print);
          print(`初始化完成（${platform.dialect === 'sqlite' ? platform.sqliteFile : 'PostgreSQL'}）。`);
          return 0;
        });
      case 'demo':
        return await withPlatform(config, async (platform) => {
          printInitialAccounts(await bootstrap(platform), print);
          for (const mod of platform.modules) if (mod.demo) await mod.demo(platform, print);
          print('演示数据已就绪。');
          return 0;
        });
      case 'import-docs': {
        const path = 'docs/imports.md';
        const types = new Map(MODULES.flatMap((m) => m.importTypes ?? []).map((t) => [t.type, t]));
        const current = readFileSync(path, 'utf8');
        const renewed = renderImportDocs(current, types);
        if (values.write) {
          writeFileSync(path, renewed);
          print(`已更新 ${path}（${types.size} 个导入类型）。`);
          return 0;
        }
        if (renewed === current) {
          print(`${path} 与导入类型一致。`);
          return 0;
        }
        process.stderr.write(`${path} 的列说明与导入类型不一致：运行 npx fazhi import-docs --write 更新。\n`);
        return 1;
      }
      case 'import': {
        const file = args[0];
        if (!file || !values.type) throw new CliError('用法：fazhi import FILE --type TYPE');
        return await withPlatform(config, async (platform) => {
          const type = platform.importTypes.get(values.type!);
          if (!type) throw new CliError(`未知的导入类型「${values.type}」，可用：${[...platform.importTypes.keys()].join('、')}`);
          let buffer: Buffer;
          try {
            buffer = readFileSync(file);
          } catch {
            throw new CliError(`无法读取文件：${file}`);
          }
          try {
            const result = await runImport(platform, { ...cliActor('import'), scope: { all: true }, permissions: new Set(platform.grants.keys()) }, type, basename(file), buffer, { dryRun: values['dry-run'] });
            print(`${result.dryRun ? '校验通过（未写入）' : '导入成功'}：${result.rows} 行，新增 ${result.created}，更新 ${result.updated}。`);
            if (result.credentials?.length) {
              print('新账号的一次性密码（只显示这一次）：');
              for (const c of result.credentials) print(`  ${c.username}\t${c.password}`);
            }
            return 0;
          } catch (error) {
            if (!(error instanceof ImportFailed)) throw error;
            process.stderr.write(`${error.message}\n`);
            for (const e of error.errors) process.stderr.write(`  第 ${e.row} 行${e.column ? ` [${e.column}]` : ''}：${e.message}\n`);
            return 1;
          }
        });
      }
      case 'backup': {
        const file = args[0];
        if (!file) throw new CliError('用法：fazhi backup FILE');
        return await withPlatform(config, async (platform) => {
          const result = await backup(platform, file);
          await platform.audit.record(platform.db, cliActor('backup'), { action: 'system.backup', detail: { file, ...result } });
          print(`备份完成：${file}（${result.tables} 张表，${result.rows} 行，${result.files} 个附件）。密钥文件不在备份中，请另行保管。`);
          return 0;
        });
      }
      case 'restore': {
        const file = args[0];
        if (!file) throw new CliError('用法：fazhi restore FILE');
        const parsed = readBackup(file);
        await wipeDatabase(config);
        return await withPlatform(config, async (platform) => {
          const result = await restoreInto(platform, parsed);
          const verify = await platform.audit.verify(platform.db);
          await platform.audit.record(platform.db, cliActor('restore'), { action: 'system.restore', detail: { file, ...result, auditChainOk: verify.ok } });
          print(`恢复完成：${result.rows} 行，${result.files} 个附件（备份时间 ${parsed.header.createdAt}）。`);
          if (!verify.ok) print(`警告：恢复后的审计日志校验未通过：${verify.reason}（请确认使用的是备份时的密钥文件）`);
          return 0;
        });
      }
      case 'audit': {
        if (args[0] !== 'verify') throw new CliError('用法：fazhi audit verify');
        return await withPlatform(config, async (platform) => {
          const result = await platform.audit.verify(platform.db);
          await platform.audit.record(platform.db, cliActor('audit'), { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', detail: result });
          if (result.ok) {
            print(`审计日志完整：共 ${result.rows} 条，最新第 ${result.headSeq} 条，哈希 ${result.headHash}`);
            return 0;
          }
          process.stderr.write(`审计日志校验失败：第一条异常记录为第 ${result.brokenSeq} 条。${result.reason}\n`);
          return 1;
        });
      }
      case 'user': {
        const [sub, username, rolesArg] = args;
        const usage = '用法：fazhi user reset-password USERNAME | fazhi user set-roles USERNAME ROLE[,ROLE…]|none | fazhi user reset-totp USERNAME';
        if (!username || !['reset-password', 'set-roles', 'reset-totp'].includes(sub ?? '')) throw new CliError(usage);
        // The server's operator is the only one who resets an administrator's password or second
        // factor, or changes any account's roles without the security administrator; each is audited.
        return await withPlatform(config, async (platform) => {
          const user = await platform.db.selectFrom('users').select(['id']).where('username', '=', username).executeTakeFirst();
          if (!user) throw new CliError(`用户「${username}」不存在`);
          if (sub === 'set-roles') {
            if (!rolesArg) throw new CliError(usage);
            const roles = rolesArg === 'none' ? [] : [...new Set(rolesArg.split(/[,，;；]/).map((r) => r.trim()).filter(Boolean))];
            const unknown = roles.filter((r) => !isRole(r));
            if (unknown.length) throw new CliError(`角色（ROLES）无效：${unknown.join('、')}；可选：${ROLE_NAMES.join('、')}`);
            try {
              assertRoleSet(roles, 'ROLES');
            } catch (error) {
              throw new CliError((error as Error).message);
            }
            const from = (await rolesOf(platform.db, [user.id])).get(user.id)!;
            await platform.db.transaction().execute(async (tx) => {
              await replaceRoles(tx, user.id, roles);
              await tx.updateTable('users').set({ updated_at: nowIso(), version: (eb) => eb('version', '+', 1) }).where('id', '=', user.id).execute();
              await endUserSessions(tx, user.id);
              await platform.audit.record(tx, cliActor('user'), { action: 'user.roles', targetType: 'user', targetId: user.id, detail: { from, to: [...roles].sort(), via: 'cli' } });
            });
            print(`用户 ${username} 的角色：${roles.length ? roles.join(',') : '（无）'}（原为 ${from.length ? from.join(',') : '无'}）；其原有会话已全部结束。`);
            return 0;
          }
          if (sub === 'reset-totp') {
            await platform.db.transaction().execute(async (tx) => {
              await clearTotp(tx, user.id);
              await endUserSessions(tx, user.id);
              await platform.audit.record(tx, cliActor('user'), { action: 'user.totp_reset', targetType: 'user', targetId: user.id });
            });
            print(`已清除用户 ${username} 的身份验证器与恢复码；其原有会话已全部结束，须在下次登录时重新绑定。`);
            return 0;
          }
          const password = oneTimePassword();
          const passwordHash = await hashPassword(password);
          await platform.db.transaction().execute(async (tx) => {
            await tx
              .updateTable('users')
              .set({ password_hash: passwordHash, password_changed_at: nowIso(), must_change_password: 1, password_reset_requested_by: null, password_reset_requested_at: null, failed_logins: 0, first_failed_at: null, locked_until: null, version: (eb) => eb('version', '+', 1) })
              .where('id', '=', user.id)
              .execute();
            await endUserSessions(tx, user.id);
            await platform.audit.record(tx, cliActor('user'), { action: 'user.reset_password', targetType: 'user', targetId: user.id });
          });
          print(`用户 ${username} 的一次性密码：${password}`);
          print('该用户登录后须立即修改密码；其原有会话已全部结束。');
          return 0;
        });
      }
      case 'calendar': {
        const date = args[1];
        if (args[0] !== 'is-workday' || !date) throw new CliError('用法：fazhi calendar is-workday YYYY-MM-DD');
        if (!isValidDate(date)) throw new CliError(`日期「${date}」无效，格式应为 YYYY-MM-DD`);
        return await withPlatform(config, async (platform) => {
          const info = (await platform.deadlines.load()).calendar.info(date);
          print(info.workday ? 'workday' : 'rest');
          const reason = { weekday: '工作日', weekend: '周末', holiday: '法定节假日', makeup: '调休上班' }[info.reason];
          print(`${date}：${reason}${info.name ? `（${info.name}）` : ''}${info.known ? '' : `；注意：${date.slice(0, 4)} 年的放假安排尚未录入，按周末和元旦、劳动节、国庆节推算`}`);
          return 0;
        }, { quiet: true });
      }
      case 'deadline': {
        const code = args[0];
        if (!code || !values.from) throw new CliError('用法：fazhi deadline RULE --from YYYY-MM-DD [--explain] [--extended]');
        if (!isValidDate(values.from)) throw new CliError(`起算日期「${values.from}」无效，格式应为 YYYY-MM-DD`);
        return await withPlatform(config, async (platform) => {
          const deadlines = await platform.deadlines.load();
          const rule = deadlines.rules.get(code);
          if (!rule) throw new CliError(`未知的期限规则「${code}」，可用：${[...deadlines.rules.keys()].sort().join('、')}`);
          const result = computeDeadline(deadlines.calendar, rule, { start: values.from!, extended: values.extended });
          print(result.due);
          if (values.explain) for (const line of result.explanation.text) print(line);
          return 0;
        }, { quiet: true });
      }
      case 'indicators': {
        if (args[0] === 'rebuild') return await rebuildIndicators(config, values.check ?? false);
        const year = yearOption(values.year, '用法：fazhi indicators --year YYYY [--unit CODE] [--json]');
        return await withPlatform(config, async (platform) => {
          let scope;
          try {
            scope = await scopeForUnitCode(platform, year, values.unit);
          } catch (error) {
            throw new CliError((error as Error).message);
          }
          const computed = await computeAll(platform, scope);
          if (values.json) {
            print(JSON.stringify({ year, unit: scope.unitCode, indicators: Object.fromEntries(computed.map((v) => [v.code, v.value])) }));
          } else {
            for (const v of computed) {
              const shown = v.value === null ? '—' : !isRatio(v.kind) ? `${trimNumber(v.value, 2)} ${v.measure}` : `${(v.value * 100).toFixed(1)}%`;
              print(`${v.code.padEnd(34)} ${shown.padStart(10)}  ${v.name}`);
            }
          }
          return 0;
        }, { quiet: true });
      }
      case 'assessment': {
        const year = yearOption(values.year, '用法：fazhi assessment --year YYYY [--scheme REF] [--json]');
        return await withPlatform(config, async (platform) => {
          const out = await assessmentJson(platform, year, values.scheme);
          if (typeof out === 'string') throw new CliError(out);
          if (values.json) print(JSON.stringify(out));
          else {
            print(`${year} 年度考评方案 ${out.scheme}：${Object.keys(out.units).length} 个单位`);
            for (const [code, u] of Object.entries(out.units)) print(`${code.padEnd(12)} ${u.category.padEnd(4, '　')} ${String(u.total).padStart(7)}  ${u.grade}${u.vetoed ? '（一票否决）' : ''}  第 ${u.rank} 名`);
          }
          return 0;
        }, { quiet: true });
      }
      case 'disclosure-report': {
        const year = yearOption(values.year, '用法：fazhi disclosure-report --year YYYY [--unit CODE] [--json]');
        return await withPlatform(config, async (platform) => {
          const tables = await disclosureReportJson(platform, year, values.unit);
          if (values.json) print(JSON.stringify(tables));
          else disclosureReportText(tables).forEach((line) => print(line));
          return 0;
        }, { quiet: true });
      }
      case 'jobs': {
        if (args[0] !== 'daily') throw new CliError('用法：fazhi jobs daily [--date YYYY-MM-DD]');
        if (values.date && !isValidDate(values.date)) throw new CliError(`日期「${values.date}」无效，格式应为 YYYY-MM-DD`);
        return await withPlatform(config, async (platform) => {
          const summary = await runDailyJob(platform, values.date ?? chinaToday());
          if (summary.skipped) print(`${summary.date} 的每日任务已执行过，跳过。`);
          else print(`${summary.date} 每日任务完成：督办至单位负责人 ${summary.escalatedToUnitHead} 项，报法治办 ${summary.escalatedToLawOffice} 项，发送待办摘要 ${summary.digests} 份。`);
          return 0;
        });
      }
      default:
        throw new CliError(`未知命令「${command}」\n${HELP}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`错误：${message}\n`);
    if (!(error instanceof CliError) && process.env.FAZHI_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}

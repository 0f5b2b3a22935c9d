// What the test suites need besides npm packages, made ready before `npm test` runs (and by .ci/run):
// Debian's chromium, the Noto CJK fonts and poppler-utils (browser journeys, the report PDF), and
// the local PostgreSQL on 127.0.0.1:5432 (every API suite runs on it too). Installs or starts what
// is missing when it can (root with apt-get), otherwise stops with the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Socket } from 'node:net';

const PG_HOST = '127.0.0.1';
const PG_PORT = 5432;
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];

const run = (cmd, args, options = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...options });
const has = (cmd) => run('sh', ['-c', `command -v ${cmd}`]).status === 0;
const isRoot = process.getuid?.() === 0;

function fail(zh, en, command) {
  console.error(`\n测试环境未就绪：${zh}\n请先执行：${command}\n\nTest prerequisites missing: ${en}\nRun: ${command}\n`);
  process.exit(1);
}

function missingPackages() {
  const missing = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (!has('pdftotext')) missing.push('poppler-utils');
  const fonts = has('fc-list') ? run('fc-list').stdout : '';
  if (!/Noto Sans CJK/i.test(fonts)) missing.push('fonts-noto-cjk');
  return missing;
}

function ensurePackages() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;
  if (!isRoot || !has('apt-get')) fail(`缺少 ${missing.join('、')}（浏览器端到端测试与报告 PDF 需要）`, `${missing.join(', ')} not installed (browser journeys and the report PDF need them)`, isRoot ? command : `sudo sh -c '${command}'`);
  console.log(`安装测试所需的系统软件包 / installing: ${PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...PACKAGES]]) {
    const result = run('apt-get', args, { env, stdio: 'inherit' });
    if (result.status !== 0) fail(`apt-get ${args[0]} 失败`, `apt-get ${args[0]} failed`, command);
  }
  const still = missingPackages();
  if (still.length) fail(`安装后仍缺少 ${still.join('、')}`, `still missing after install: ${still.join(', ')}`, command);
}

function portOpen() {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(PG_PORT, PG_HOST, () => done(true));
  });
}

async function ensurePostgres() {
  if (process.env.FAZHI_TEST_PG_URL || (await portOpen())) return;
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  const command = versions.length ? `pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start` : 'apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
  if (!versions.length || !isRoot) fail(`PostgreSQL 未在 ${PG_HOST}:${PG_PORT} 运行（PostgreSQL 测试不能跳过）`, `PostgreSQL is not running on ${PG_HOST}:${PG_PORT} (its suites are not skippable)`, command);
  console.log(`启动 PostgreSQL / starting PostgreSQL ${versions[0]}`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 30; i++) {
    if (await portOpen()) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  fail(`PostgreSQL 启动后 30 秒内未能连接`, `PostgreSQL did not accept connections within 30 s`, command);
}

ensurePackages();
await ensurePostgres();

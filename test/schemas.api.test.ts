// Several platforms in one PostgreSQL database (one schema each, e.g. one per county): each
// migrates, backs up and counts only its own tables. (On SQLite: two data directories.)
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestEnv, makeUnit, pgAdmin, TEST_DB, type TestEnv } from './harness.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { backup, readBackup } from '../src/server/kernel/db/backup.ts';

const envs: TestEnv[] = [];
afterAll(async () => {
  for (const env of envs) await env.close();
});

it('two platforms side by side migrate and back up independently', async () => {
  envs.push(await createTestEnv());
  envs.push(await createTestEnv());
  const [a, b] = envs as [TestEnv, TestEnv];
  await makeUnit(a.platform, { name: '甲县' });
  await makeUnit(b.platform, { name: '乙县' });
  await makeUnit(b.platform, { name: '乙县司法局' });
  const file = join(mkdtempSync(join(tmpdir(), 'fazhi-bk-')), 'a.fzb');
  await backup(a.platform, file);
  const parsed = readBackup(file);
  const tables = parsed.lines.filter((l) => l.table).map((l) => l.table);
  expect(new Set(tables).size).toBe(tables.length);
  const units = parsed.lines.filter((l) => l.row && 'path' in l.row && 'kind' in l.row);
  expect(units.map((l) => l.row.name)).toEqual(['甲县']);
});

it('a platform migrates and backs up while another schema of the database is being dropped', async () => {
  // Kysely's own introspector resolved every schema's tables by name, and failed with "schema … does
  // not exist" when one was dropped meanwhile (one test file closing while another started).
  const env = await createTestEnv();
  envs.push(env);
  const tables = await env.platform.db.introspection.getTables();
  expect(tables.length).toBeGreaterThan(20);
  if (TEST_DB !== 'postgres') return;
  expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([env.config.pgSchema]));
  let churning = true;
  const churn = (async () => {
    for (let i = 0; churning; i++) {
      const other = `t_churn_${process.pid}_${i}`;
      await pgAdmin(`create schema ${other}; create table ${other}.t (id serial primary key, a text, b text, c text)`);
      await pgAdmin(`drop schema ${other} cascade`);
    }
  })();
  try {
    for (let i = 0; i < 4; i++) {
      const { platform } = await openPlatform(env.config, MODULES);
      await platform.close();
    }
  } finally {
    churning = false;
    await churn;
  }
}, 120_000);

// Several platforms in one PostgreSQL database (one schema each, e.g. one per county): each
// migrates, backs up and counts only its own tables. (On SQLite: two data directories.)
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestEnv, makeUnit, type TestEnv } from './harness.ts';
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

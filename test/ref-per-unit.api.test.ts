// The migration that makes refs unique per unit keeps every row, can run again after stopping
// halfway, and leaves two units free to use the same external number.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, makeUnit, type TestEnv } from './harness.ts';
import { makeRefUniquePerUnit } from '../src/server/kernel/db/ref-per-unit.ts';
import { newId, nowIso } from '../src/server/kernel/ids.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const org = (unitId: string, ref: string) => {
  const now = nowIso();
  return env.platform.db.insertInto('mediation_orgs').values({ id: newId(), ref, unit_id: unitId, name: `调委会${ref}`, type: 'town', established_date: '2020-01-01', active: 1, version: 1, created_at: now, created_by: null, updated_at: now, updated_by: null }).execute();
};

it('runs again without harm, keeps the rows, and lets two units share a ref but not one unit twice', async () => {
  const a = await makeUnit(env.platform);
  const b = await makeUnit(env.platform);
  await org(a.id, 'SAME');
  const before = await env.platform.db.selectFrom('mediation_orgs').selectAll().orderBy('id').execute();
  // Already applied by the module's migration: running it again (as after a stop halfway) changes nothing.
  await makeRefUniquePerUnit(env.platform.db, env.platform.dialect, 'mediation_orgs');
  expect(await env.platform.db.selectFrom('mediation_orgs').selectAll().orderBy('id').execute()).toEqual(before);
  await org(b.id, 'SAME');
  await expect(org(a.id, 'SAME')).rejects.toThrow();
  // The disputes that refer to an organisation still do (their foreign key survived the rebuild).
  await expect(env.platform.db.insertInto('disputes').values({ id: newId(), ref: null, unit_id: a.id, org_id: 'no-such-org', title: 't', type: 't', parties: 'p', summary: 's', received_date: '2026-01-01', channel: 'people', linked_dispute_id: null, mediators: 'm', lawyer_involved: 0, status: 'received', outcome: null, agreement: null, closed_date: null, revisit_date: null, revisit_result: null, version: 1, created_at: nowIso(), created_by: null, updated_at: nowIso(), updated_by: null }).execute()).rejects.toThrow();
});

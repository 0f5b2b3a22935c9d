// Imports through the side door hold the same data scope as the API: every import type × a liaison,
// a unit head and the law office. A unit or ref outside the importer's scope is unknown (no
// existence oracle, nothing of the other unit's record changes), cross-references resolve only in
// scope, and permissions are those of the import type. The API's own references are checked the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { isRefImport, platformImport, refImport } from '../src/server/kernel/imports/by-ref.ts';
import { MODULES } from '../src/server/modules/index.ts';
import type { ModuleManifest } from '../src/server/kernel/modules.ts';

let env: TestEnv;
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
let liaisonA: Agent;
let headA: Agent;
let office: Agent;
let agents: Record<'liaison' | 'head' | 'office', Agent>;

const csv = (rows: Record<string, string>[]) => [Object.keys(rows[0]!).join(','), ...rows.map((r) => Object.values(r).join(','))].join('\n') + '\n';
const post = (agent: Agent, type: string, rows: Record<string, string>[], dryRun = false) =>
  agent.request({ method: 'POST', url: `/api/v1/imports/${type}${dryRun ? '?dryRun=true' : ''}`, ...multipart(`${type}.csv`, csv(rows)) });

/** One row of each scoped import type, for a ref and a unit code (hearings name their case instead). */
const ROWS: Record<string, (ref: string, unitCode: string, parent: string) => Record<string, string>> = {
  mediation_orgs: (ref, unitCode) => ({ ref, unitCode, name: '调委会', type: 'town', establishedDate: '2015-01-01' }),
  disputes: (ref, unitCode) => ({ ref, unitCode, type: '其他', parties: '甲某、乙某', summary: '纠纷', receivedDate: '2026-05-06', channel: '人民调解', mediators: '调解员' }),
  foi_requests: (ref, unitCode) => ({ ref, unitCode, applicant: '张某', receivedDate: '2026-05-06', content: '某项信息' }),
  litigation_cases: (ref, unitCode) => ({ ref, unitCode, court: '示范县人民法院', plaintiff: '某公司', cause: '不服处罚', filedDate: '2026-03-01', complaintReceivedDate: '2026-03-05' }),
  litigation_hearings: (ref, _unitCode, caseRef) => ({ ref, caseRef, date: '2026-04-01', headAppeared: '否' }),
  enforcement_bodies: (ref, unitCode) => ({ ref, unitCode, name: '执法主体', kind: 'statutory' }),
  enforcement_officers: (ref, _unitCode, bodyRef) => ({ ref, bodyRef, name: '执法员', idNumber: '11010519491231002X', post: '队员' }),
  normative_docs: (ref, unitCode) => ({ ref, unitCode, title: '某管理办法', status: 'draft' }),
  legality_reviews: (ref, unitCode) => ({ ref, unitCode, title: '某合同', kind: 'contract', receivedDate: '2026-05-06' }),
  advisors: (ref, unitCode) => ({ ref, name: '某律师', kind: 'advisor', unitCodes: unitCode, contractStart: '2025-01-01' }),
  advisor_engagements: (ref, _unitCode, advisorRef) => ({ ref, advisorRef, date: '2026-05-06', kind: 'meeting', subject: '列席会议' }),
};
const TABLES: Record<string, string> = { mediation_orgs: 'mediation_orgs', disputes: 'disputes', foi_requests: 'foi_requests', litigation_cases: 'litigation_cases', litigation_hearings: 'litigation_hearings', enforcement_bodies: 'enforcement_bodies', enforcement_officers: 'enforcement_officers', normative_docs: 'normative_docs', legality_reviews: 'legal_reviews', advisors: 'legal_advisors', advisor_engagements: 'advisor_engagements' };
/** Types whose rows name a parent record instead of a unit (hearings their case, officers their body). */
const PARENTS: Record<string, string> = { litigation_hearings: 'litigation_cases', enforcement_officers: 'enforcement_bodies', enforcement_list_items: 'enforcement_bodies', advisor_engagements: 'advisors' };

const snapshot = (table: string, ref: string) => (env.platform.db as any).selectFrom(table).selectAll().where('ref', '=', ref).orderBy('id').execute();

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county' });
  unitA = await makeUnit(env.platform, { parent: root, kind: 'department', name: '教育局' });
  unitB = await makeUnit(env.platform, { parent: root, kind: 'department', name: '司法局' });
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  headA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_head'] })).username);
  office = await loggedIn(env.app, (await makeUser(env.platform, { unit: root, roles: ['law_office'] })).username);
  agents = { liaison: liaisonA, head: headA, office };
  // The other unit's records, each with a ref the tests try to reach from unit A.
  for (const type of Object.keys(ROWS)) {
    const res = await post(office, type, [ROWS[type]!(`B-${type}`, unitB.code, `B-${PARENTS[type]}`)]);
    expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
  }
  const closed = await post(office, 'disputes', [{ ...ROWS.disputes!('DEMO-DSP-33', unitB.code, ''), type: '邻里纠纷', receivedDate: '2026-05-01', outcome: '调解成功', closedDate: '2026-05-10' }]);
  expect(closed.statusCode, closed.body).toBe(200);
});
afterAll(() => env.close());

describe('the import matrix: every scoped import type × liaison, unit head, law office', () => {
  for (const type of Object.keys(ROWS)) {
    for (const who of ['liaison', 'head', 'office'] as const) {
      it(`${type} as ${who}: another unit's unit and refs are unknown; its record never changes`, async () => {
        const agent = agents[who];
        const before = await snapshot(TABLES[type]!, `B-${type}`);
        const parent = PARENTS[type] ? `A-parent-${who}` : '';
        if (parent) expect((await post(agent, PARENTS[type]!, [ROWS[PARENTS[type]!]!(parent, unitA.code, '')])).statusCode).toBe(200);

        // A row placed in the other unit (for hearings: on the other unit's case; for officers: under its body).
        const intoB = await post(agent, type, [ROWS[type]!(`X-${who}`, unitB.code, `B-${PARENTS[type]}`)], true);
        if (who === 'office') expect(intoB.statusCode, intoB.body).toBe(200);
        else {
          expect(intoB.statusCode, intoB.body).toBe(422);
          const unknown = await post(agent, type, [ROWS[type]!(`X-${who}`, 'NO-SUCH-UNIT', 'NO-SUCH-CASE')], true);
          // The same answer as for a unit (or case) that does not exist, but for the code itself.
          const message = (r: typeof intoB) => r.json().errors.map((e: any) => `${e.column}|${e.message.replace(/「[^」]*」/, '「…」')}`);
          expect(message(intoB)).toEqual(message(unknown));
          expect(intoB.json().errors[0].message).toContain('不存在或无权访问');
        }

        // The other unit's ref, in the importer's own unit: a dry run answers as for a new ref...
        const unitCode = unitA.code;
        const reused = await post(agent, type, [ROWS[type]!(`B-${type}`, unitCode, parent)], true);
        const fresh = await post(agent, type, [ROWS[type]!(`NEW-${who}-${type}`, unitCode, parent)], true);
        expect(reused.statusCode, reused.body).toBe(200);
        expect(reused.json()).toEqual({ ...fresh.json() });
        expect(reused.json()).toMatchObject({ created: 1, updated: 0 });
        // ...and importing it makes a record of the importer's unit, leaving the other's as it was.
        const done = await post(agent, type, [ROWS[type]!(`B-${type}`, unitCode, parent)]);
        expect(done.json()).toMatchObject({ created: 1, updated: 0 });
        const after = await snapshot(TABLES[type]!, `B-${type}`);
        expect(after.find((r: any) => r.id === before[0].id)).toEqual(before[0]);
        expect(after.filter((r: any) => r.id !== before[0].id).every((r: any) => r.unit_id === unitA.id)).toBe(true);
        // Re-importing it updates the importer's own record only.
        const again = await post(agent, type, [ROWS[type]!(`B-${type}`, unitCode, parent)]);
        expect(again.json()).toMatchObject({ created: 0, updated: 1 });
        expect((await snapshot(TABLES[type]!, `B-${type}`)).find((r: any) => r.id === before[0].id)).toEqual(before[0]);
        await (env.platform.db as any).deleteFrom('clocks').where('record_id', 'in', after.filter((r: any) => r.id !== before[0].id).map((r: any) => r.id)).execute();
        await (env.platform.db as any).deleteFrom(TABLES[type]!).where('ref', '=', `B-${type}`).where('unit_id', '=', unitA.id).execute();
      });
    }
  }

  it('the reported attack: a liaison cannot move another unit\'s dispute, reset its status or read its parties', async () => {
    const before = await snapshot('disputes', 'DEMO-DSP-33');
    const res = await liaisonA.request({ method: 'POST', url: '/api/v1/imports/disputes', ...multipart('d.csv', `ref,unitCode,type,parties,summary,receivedDate,channel,mediators\nDEMO-DSP-33,${unitB.code},其他,丙某,改写,2026-05-06,人民调解,某\n`) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ column: '受理单位编码（unitCode）', message: `单位「${unitB.code}」不存在或无权访问` });
    expect(await snapshot('disputes', 'DEMO-DSP-33')).toEqual(before);
    expect(before[0]).toMatchObject({ unit_id: unitB.id, status: 'closed' });
  });

  it('a cross-reference in a row resolves only within scope, with the same answer as an unknown one', async () => {
    const withOrg = (orgRef: string) => post(liaisonA, 'disputes', [{ ...ROWS.disputes!('X-ORG', unitA.code, ''), orgRef }], true);
    const other = await withOrg('B-mediation_orgs');
    const none = await withOrg('NOPE');
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0].column).toBe('调解组织编号（orgRef）');
    expect(other.json().errors[0].message.replace('B-mediation_orgs', 'NOPE')).toBe(none.json().errors[0].message);
  });

  it('an import never takes a record back to an earlier state, and moves it forward through the workflow', async () => {
    const row = { ...ROWS.disputes!('STATE-1', unitA.code, ''), outcome: '调解成功', closedDate: '2026-05-10' };
    expect((await post(liaisonA, 'disputes', [row])).statusCode).toBe(200);
    const back = await post(liaisonA, 'disputes', [ROWS.disputes!('STATE-1', unitA.code, '')]);
    expect(back.statusCode).toBe(422);
    expect(back.json().errors[0]).toMatchObject({ column: '调解结果（outcome）' });
    expect(back.json().errors[0].message).toContain('不能改回');
    const forward = await post(liaisonA, 'disputes', [{ ...row, revisitDate: '2026-06-01', revisitResult: '已履行' }]);
    expect(forward.json()).toMatchObject({ updated: 1 });
    const d = (await snapshot('disputes', 'STATE-1'))[0];
    expect(d).toMatchObject({ status: 'revisited', revisit_date: '2026-06-01', revisit_result: '已履行', closed_date: '2026-05-10' });
    const timeline = await env.platform.db.selectFrom('timeline_entries').select('action').where('record_id', '=', d.id).orderBy('at').execute();
    // Entries of one transaction may share a millisecond: compare as a set.
    expect(timeline.map((t) => t.action).sort()).toEqual(['create', 'transition.close', 'transition.revisit', 'update']);
  });

  it('every import type answers 403 exactly to the roles without its permission', async () => {
    const roles = { liaison: 'unit_liaison', head: 'unit_head', office: 'law_office' } as const;
    for (const type of env.platform.importTypes.values()) {
      for (const [who, agent] of Object.entries(agents)) {
        const res = await agent.request({ method: 'POST', url: `/api/v1/imports/${type.type}?dryRun=true`, ...multipart('x.csv', `${type.fields.map((f) => f.name).join(',')}\n`) });
        const allowed = env.platform.grants.get(type.permission)?.has(roles[who as keyof typeof roles]) ?? false;
        expect(res.statusCode, `${type.type} as ${who}: ${res.body}`).toBe(allowed ? 422 : 403);
      }
    }
    // Each file is read in a worker thread: the time grows with the number of import types.
  }, 180_000);
});

describe("the API's own references", () => {
  it("a dispute cannot name another unit's organisation or dispute, and learns nothing of them", async () => {
    const theirs = await env.platform.db.selectFrom('disputes').select(['id', 'title']).where('ref', '=', 'DEMO-DSP-33').executeTakeFirstOrThrow();
    const theirOrg = await env.platform.db.selectFrom('mediation_orgs').select(['id', 'name']).where('ref', '=', 'B-mediation_orgs').executeTakeFirstOrThrow();
    const receive = (extra: Record<string, unknown>) =>
      liaisonA.post('/api/v1/disputes', { unitId: unitA.id, type: '邻里纠纷', parties: '甲与乙', summary: '纠纷', receivedDate: '2026-05-06', channel: 'administrative', mediators: '调解员', ...extra });
    for (const [field, id] of [['linkedDisputeId', theirs.id], ['orgId', theirOrg.id]] as const) {
      const other = await receive({ [field]: id });
      const missing = await receive({ [field]: 'no-such-record' });
      expect(other.statusCode, other.body).toBe(400);
      expect(other.json().detail).toBe(missing.json().detail);
      expect(other.body).not.toContain(theirs.title);
      expect(other.body).not.toContain(theirOrg.name);
    }
    const own = await receive({});
    expect(own.statusCode).toBe(201);
    // A link the law office made across units shows to the unit as a link, without the other's title.
    const linked = await office.post('/api/v1/disputes', { unitId: unitA.id, type: '邻里纠纷', parties: '丙与丁', summary: '纠纷', receivedDate: '2026-05-06', channel: 'administrative', mediators: '调解员', linkedDisputeId: theirs.id, orgId: theirOrg.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ linkedDisputeId: theirs.id, linkedTitle: theirs.title, orgName: theirOrg.name });
    const seen = await liaisonA.get(`/api/v1/disputes/${linked.json().id}`);
    expect(seen.json()).toMatchObject({ linkedDisputeId: null, linkedTitle: '（其他单位的纠纷）', orgName: null });
    expect(seen.body).not.toContain(theirs.title);
    expect((await liaisonA.get('/api/v1/disputes?pageSize=200')).body).not.toContain(theirs.title);
  });

  it('an attachment must name a record type the platform knows', async () => {
    const upload = (fields: Record<string, string>) => liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('a.txt', 'evidence', fields) });
    const theirs = await env.platform.db.selectFrom('disputes').select('id').where('ref', '=', 'DEMO-DSP-33').executeTakeFirstOrThrow();
    const unknown = await upload({ recordType: 'no_such_type', recordId: theirs.id });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('记录类型');
    expect((await upload({ recordId: theirs.id })).statusCode).toBe(400);
    expect((await upload({ recordType: 'dispute', recordId: theirs.id })).statusCode).toBe(404);
  });
});

describe('the platform', () => {
  it('refuses to start with an import type off the by-ref runner granted to a role with a narrower scope', async () => {
    const rogue: ModuleManifest = {
      name: 'rogue',
      title: '越权导入',
      permissions: { 'rogue.import': { label: '导入', roles: ['unit_liaison'] } },
      importTypes: [{ type: 'rogue', title: '越权导入', permission: 'rogue.import', fields: [], row: z.object({}), apply: async () => ({ created: 0, updated: 0, errors: [] }) }],
    };
    await expect(openPlatform(env.config, [...MODULES, rogue])).rejects.toThrow('导入类型 rogue 未按数据范围导入，不能授予 unit_liaison');
    // Setting a flag by hand proves nothing: only the runner's own import types pass.
    const flagged: ModuleManifest = { ...rogue, importTypes: [{ ...rogue.importTypes![0]!, byRef: true } as any] };
    await expect(openPlatform(env.config, [...MODULES, flagged])).rejects.toThrow('未按数据范围导入');
    const onRunner: ModuleManifest = {
      ...rogue,
      importTypes: [refImport<{ ref: string; unitCode: string }>({ type: 'rogue', title: '越权导入', permission: 'rogue.import', fields: [], row: z.object({ ref: z.string(), unitCode: z.string() }), table: 'disputes', unitOf: (v, run) => run.unit(v.unitCode, 'unitCode'), create: async () => {}, update: async () => {} })],
    };
    const opened = await openPlatform(env.config, [...MODULES, onRunner]);
    await opened.platform.close();
  });

  it('an import type of the county\'s ledgers (refs unique on the whole platform) is not on the per-unit runner: granted to a unit role, the platform does not start', async () => {
    const wide: ModuleManifest = {
      name: 'wide',
      title: '全县台账',
      permissions: { 'wide.import': { label: '导入', roles: ['unit_head'] } },
      importTypes: [platformImport<{ ref: string }>({ type: 'wide', title: '全县台账', permission: 'wide.import', fields: [], row: z.object({ ref: z.string() }), table: 'plans', create: async () => {}, update: async () => {} })],
    };
    await expect(openPlatform(env.config, [...MODULES, wide])).rejects.toThrow('导入类型 wide 未按数据范围导入，不能授予 unit_head');
    // The platform's own such types are granted to whole-platform roles only.
    for (const name of ['plans', 'tasks', 'proposals', 'inspections', 'findings', 'cleanups', 'cleanup_items', 'org_units', 'users']) expect(isRefImport(env.platform.importTypes.get(name)!), name).toBe(false);
  });
});

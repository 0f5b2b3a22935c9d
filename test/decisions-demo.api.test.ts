// The demo county's major decisions (issue 14): two years of catalogs, decisions in every state, a
// consultation open now on the portal with comments, one decided with every procedure and its
// archive (each procedure's evidence in it), every decided one with its evidence; loading twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestEnv, loggedIn, type TestEnv } from './harness.ts';
import { orgModule } from '../src/server/modules/org/module.ts';
import { decisionsModule } from '../src/server/modules/decisions/module.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
const lines: string[] = [];
beforeAll(async () => {
  env = await createTestEnv();
  await orgModule.demo!(env.platform, (l) => lines.push(l));
  await decisionsModule.demo!(env.platform, (l) => lines.push(l));
}, 120_000);
afterAll(() => env.close());

describe('the decisions demo', () => {
  it('has catalogs of two years, every state, an open consultation with comments, and a full archive', async () => {
    const year = Number(chinaToday().slice(0, 4));
    const years = await env.platform.db.selectFrom('decision_catalog_items').select('year').distinct().orderBy('year').execute();
    expect(years.map((y) => Number(y.year))).toEqual([year - 1, year]);
    const states = await env.platform.db.selectFrom('decisions').select('status').distinct().execute();
    expect(states.map((s) => s.status).sort()).toEqual(['decided', 'drafting', 'evaluated', 'implementing', 'terminated'].sort());
    const portal = (await env.app.inject({ method: 'GET', url: '/api/v1/public/decision-consultations' })).json();
    expect(portal.open).toHaveLength(1);
    expect(portal.open[0]).toMatchObject({ title: '城区中小学校布局调整规划', daysLeft: 21, comments: 4 });
    const office = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
    const full = await env.platform.db.selectFrom('decisions').select('id').where('ref', '=', 'DEMO-JC-1').executeTakeFirstOrThrow();
    const view = (await office.get(`/api/v1/decisions/${full.id}`)).json();
    expect(view.procedures.every((p: any) => p.done && !p.notApplicable && p.evidence.length > 0)).toBe(true);
    expect(view.missingEvidence).toEqual([]);
    const archive = await office.request({ method: 'GET', url: `/api/v1/decisions/${full.id}/archive` });
    expect(archive.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(archive.rawPayload);
    const files = Object.keys(zip.files).filter((n) => n.startsWith('06-材料/') && !n.endsWith('/'));
    expect(files).toHaveLength(6);
    for (const label of ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定']) expect(files.some((n) => n.startsWith(`06-材料/${label}/`)), label).toBe(true);
    // Every decision the demo decided has evidence for each applicable procedure (the gate it passed).
    const decided = await env.platform.db.selectFrom('decisions').select(['id', 'ref']).where('decided_date', 'is not', null).execute();
    expect(decided.length).toBeGreaterThanOrEqual(3);
    for (const d of decided) expect((await office.get(`/api/v1/decisions/${d.id}`)).json().missingEvidence, d.ref ?? d.id).toEqual([]);
    // Loading again adds nothing.
    const before = await env.platform.db.selectFrom('decisions').select('id').execute();
    await decisionsModule.demo!(env.platform, (l) => lines.push(l));
    expect(await env.platform.db.selectFrom('decisions').select('id').execute()).toHaveLength(before.length);
    expect(lines.at(-1)).toContain('已存在');
  });
});

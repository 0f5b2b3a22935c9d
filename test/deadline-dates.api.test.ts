// One deadline, one date: on the demo county, every running clock of every record type shows the same
// date and the same light wherever it is shown — the record's ledger, its page, its workflow panel,
// 我的待办, the 红黄牌 drill-down and the daily digest. A date someone set (a task's 完成时限, a
// finding's 整改期限) stays the date set, also on a rest day; only paused days move it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, createDemoEnv, loggedIn, multipart, type Agent, type TestEnv } from './harness.ts';
import { DEMO_PASSWORD } from '../src/server/modules/org/demo.ts';
import { chinaToday, toDayNumber, weekdayOf } from '../src/server/kernel/calendar/days.ts';
import { runDailyJob } from '../src/server/kernel/workflow/daily.ts';
import { clockMigrations } from '../src/server/kernel/workflow/migrations.ts';

type Shown = { due: string; light: string | null } | null;
type View = Record<string, any>;

/**
 * Where each record type shows its deadline: its ledger and page (API), and which of its clocks
 * they show (a key, or the soonest running one). A record type with running clocks that is not
 * here fails the test: add it.
 */
const PLACES: Record<string, { api: string; clockKey?: string; shown: (v: View) => Shown }> = {
  task: { api: '/tasks', clockKey: 'due', shown: (v) => ({ due: v.due, light: v.light }) },
  finding: { api: '/findings', clockKey: 'rectify', shown: (v) => ({ due: v.due, light: v.light }) },
  matter: { api: '/matters', clockKey: 'reply', shown: (v) => ({ due: v.due, light: v.light }) },
  foi_request: { api: '/foi-requests', clockKey: 'reply', shown: (v) => ({ due: v.due, light: v.light }) },
  proposal: { api: '/proposals', clockKey: 'reply', shown: (v) => ({ due: v.due, light: v.light }) },
  litigation_case: { api: '/litigation-cases', clockKey: 'defence', shown: (v) => ({ due: v.defenceDue, light: v.light }) },
  review_case: { api: '/review-cases', shown: (v) => (v.nextDue ? { due: v.nextDue.due, light: v.nextDue.light } : null) },
  annual_report: { api: '/annual-reports', shown: (v) => ({ due: v.due, light: v.light }) },
  normative_doc: { api: '/normative-docs', clockKey: 'filing', shown: (v) => ({ due: v.filingDue, light: v.light }) },
  legal_review: { api: '/legal-reviews', shown: (v) => ({ due: v.due, light: v.light }) },
  normdoc_cleanup: { api: '/normdoc-cleanups', clockKey: 'cleanup', shown: (v) => ({ due: v.due, light: v.light }) },
  enforcement_case: { api: '/enforcement-cases', shown: (v) => ({ due: v.due, light: v.light }) },
  enforcement_supervision: { api: '/enforcement-supervisions', shown: (v) => ({ due: v.due, light: v.light }) },
  enforcement_complaint: { api: '/enforcement-complaints', clockKey: 'reply', shown: (v) => ({ due: v.due, light: v.light }) },
  assessment_scheme: { api: '/assessment-schemes', clockKey: 'objection', shown: (v) => ({ due: v.due, light: v.light }) },
  decision: { api: '/decisions', clockKey: 'legality', shown: (v) => ({ due: v.legalityDue, light: v.legalityLight }) },
  service_rating: { api: '/service-ratings', clockKey: 'fix', shown: (v) => ({ due: v.due, light: v.light }) },
  model_village: { api: '/model-villages', clockKey: 'recheck', shown: (v) => ({ due: v.due, light: v.light }) },
  audit_finding: { api: '/audit-findings', clockKey: 'rectify', shown: (v) => ({ due: v.due, light: v.light }) },
};

let env: TestEnv;
let office: Agent;
const today = chinaToday();

beforeAll(async () => {
  env = await createDemoEnv();
  await runDailyJob(env.platform, today);
  office = await loggedIn(env.app, 'fzb_wang', DEMO_PASSWORD);
}, 600_000); // the first suite of a run generates the demo template (createDemoEnv)
afterAll(() => env.close());

const json = async (agent: Agent, url: string) => {
  const res = await agent.get(`/api/v1${url}`);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

/** Every row of a ledger, page by page. */
async function ledger(api: string): Promise<View[]> {
  const rows: View[] = [];
  for (let page = 1; ; page++) {
    const body = await json(office, `${api}?pageSize=200&page=${page}`);
    rows.push(...body.items);
    if (rows.length >= body.total || body.items.length === 0) return rows;
  }
}

const runningClocks = () =>
  env.platform.db.selectFrom('clocks').select(['id', 'record_type', 'record_id', 'unit_id', 'clock_key', 'label', 'fixed_due', 'due_date', 'pauses']).where('status', '=', 'running').execute();

describe('one deadline, one date', () => {
  it('every record type with running clocks in the demo is known to this test', async () => {
    const types = new Set((await runningClocks()).map((c) => c.record_type));
    for (const type of types) expect(PLACES, `${type} shows deadlines: add it to PLACES`).toHaveProperty(type);
    // The demo exercises most of them; a type that lost its running clocks would test nothing.
    expect(types.size).toBeGreaterThanOrEqual(6);
  });

  it('the workflow panel, the 红黄牌 drill-down and 我的待办 show each running clock with one date and one light', async () => {
    const clocks = await runningClocks();
    const todo = (await json(office, '/todo')).items as View[];
    const drillDowns = new Map<string, View[]>();
    for (const clock of clocks) {
      const panel = (await json(office, `/workflow/${clock.record_type}/${clock.record_id}`)).clocks.find((c: View) => c.id === clock.id);
      expect(panel.due, `${clock.record_type} ${clock.label}: stored and computed dates`).toBe(clock.due_date);
      if (!drillDowns.has(clock.unit_id)) drillDowns.set(clock.unit_id, (await json(office, `/dashboard/lights?unitId=${clock.unit_id}`)).items);
      const light = drillDowns.get(clock.unit_id)!.find((i) => i.recordId === clock.record_id && i.clock === clock.label)!;
      expect({ due: light.due, light: light.light }, `${clock.record_type} ${clock.label} on the dashboard`).toEqual({ due: panel.due, light: panel.light });
      const item = todo.find((i) => i.id === clock.record_id);
      // 我的待办 shows a record's soonest open clock.
      if (item?.clock?.label === clock.label) expect({ due: item.clock.due, light: item.clock.light }, `${clock.record_type} in 我的待办`).toEqual({ due: panel.due, light: panel.light });
    }
  });

  it('each ledger and record page shows the date and light of the clock its workflow panel shows', async () => {
    const clocks = await runningClocks();
    let compared = 0;
    for (const [type, place] of Object.entries(PLACES)) {
      const rows = await ledger(place.api);
      const ofType = clocks.filter((c) => c.record_type === type && (!place.clockKey || c.clock_key === place.clockKey));
      for (const recordId of new Set(ofType.map((c) => c.record_id))) {
        const panel = ((await json(office, `/workflow/${type}/${recordId}`)).clocks as View[]).filter((c) => c.status === 'running' && (!place.clockKey || c.key === place.clockKey));
        const soonest = panel.sort((a, b) => (a.due < b.due ? -1 : 1))[0]!;
        const expected = { due: soonest.due, light: soonest.light };
        const row = rows.find((r) => r.id === recordId);
        expect(row, `${type} ${recordId} in its ledger`).toBeTruthy();
        expect(place.shown(row!), `${type} ${recordId} in its ledger`).toEqual(expected);
        const page = await json(office, `${place.api}/${recordId}`);
        const onPage = place.shown(page);
        if (onPage?.due !== undefined) expect(onPage, `${type} ${recordId} on its page`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('a date the law office set stays that date on a rest day; paused days move it, and the ledger says from what', async () => {
    const clocks = await runningClocks();
    const fixed = clocks.filter((c) => c.fixed_due);
    const onRestDay = fixed.filter((c) => [0, 6].includes(weekdayOf(toDayNumber(c.fixed_due!))) && JSON.parse(c.pauses).length === 0);
    expect(onRestDay.length, 'the demo has a task or finding due on a weekend').toBeGreaterThan(0);
    for (const c of onRestDay) expect(c.due_date).toBe(c.fixed_due);
    const paused = fixed.find((c) => JSON.parse(c.pauses).length > 0 && c.record_type === 'finding');
    expect(paused, 'the demo has a finding whose clock was paused for verification').toBeTruthy();
    const row = (await ledger('/findings')).find((r) => r.id === paused!.record_id)!;
    expect(row.dueDate).toBe(paused!.fixed_due);
    expect(row.due).toBe(paused!.due_date);
    expect(row.due > row.dueDate).toBe(true);
  });

  it('the migration gives the open clocks of a database made before this rule their set date again', async () => {
    const clock = (await runningClocks()).find((c) => c.fixed_due && [0, 6].includes(weekdayOf(toDayNumber(c.fixed_due))) && JSON.parse(c.pauses).length === 0)!;
    const rolled = '2099-01-05';
    await env.platform.db.updateTable('clocks').set({ due_date: rolled }).where('id', '=', clock.id).execute();
    await clockMigrations('sqlite').kernel_0014_fixed_dates_do_not_roll!.up(env.platform.db);
    const after = await env.platform.db.selectFrom('clocks').select('due_date').where('id', '=', clock.id).executeTakeFirstOrThrow();
    expect(after.due_date).toBe(clock.fixed_due);
  });

  it('the daily digest counts what 我的待办 shows, for every role', async () => {
    // Tests run in any order and others add work: the digest is sent anew for the state compared.
    await runDailyJob(env.platform, today, { force: true });
    const users = ['fzb_wang', 'xzf_head', 'jyj_liaison', 'jyj_head', 'cgz_liaison', 'ducha_li', 'leader_chen'];
    for (const username of users) {
      const agent = username === 'fzb_wang' ? office : await loggedIn(env.app, username, DEMO_PASSWORD);
      const todo = await json(agent, '/todo');
      const digest = ((await json(agent, '/notifications')).items as View[]).find((n) => n.kind === 'digest')!;
      if (todo.total === 0) {
        expect(digest, `${username} has nothing waiting and gets no digest`).toBeUndefined();
        continue;
      }
      expect(digest.title, username).toBe(`${today} 待办 ${todo.total} 项${todo.red ? `，逾期 ${todo.red} 项` : ''}${todo.yellow ? `，临期 ${todo.yellow} 项` : ''}`);
      const first = todo.items[0];
      expect(digest.body, username).toBe(`最紧急：${first.typeTitle}「${first.title}」${first.clock ? `，${first.clock.label}届满 ${first.clock.due}` : ''}`);
    }
  });
});

describe('dates that contradict each other are refused', () => {
  const refused = (res: { statusCode: number; json: () => any }, field: string, text: string) => {
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors ?? body.fieldErrors ?? body, JSON.stringify(body)).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(text) })]));
  };

  it('a report is not published before its date of issue (成文日期): the transition names its date, saves nothing', async () => {
    const town = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-T01').executeTakeFirstOrThrow();
    const head = await loggedIn(env.app, 'cgz_head', DEMO_PASSWORD);
    const draft = (await json(head, `/annual-reports?unitId=${town.id}&status=draft`)).items[0];
    const report = await json(head, `/annual-reports/${draft.id}`);
    expect(report.issuedDate).toBeTruthy();
    const dayBefore = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
    const approved = await advance(head, 'annual_report', report.id, 'approve', { version: report.version, date: report.issuedDate });
    const submitted = await advance(head, 'annual_report', report.id, 'submit', { version: approved.version, date: report.issuedDate });
    const early = await head.post(`/api/v1/workflow/annual_report/${report.id}/transitions/publish`, { version: submitted.version, date: dayBefore(report.issuedDate) });
    refused(early, 'date', `不能早于成文日期（${report.issuedDate}）`);
    expect((await json(head, `/annual-reports/${report.id}`)).status).toBe('submitted');
    await advance(head, 'annual_report', report.id, 'publish', { version: submitted.version, date: report.issuedDate });
  });

  it('a reconsideration case is not accepted or decided before it was received', async () => {
    const received = '2026-10-12';
    const county = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX').executeTakeFirstOrThrow();
    const respondent = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D03').executeTakeFirstOrThrow();
    const created = await office.post('/api/v1/review-cases', { unitId: county.id, applicantName: '李四', applicantKind: 'person', respondent: '示范县教育局', respondentUnitId: respondent.id, act: '行政处罚决定', receivedDate: received, channel: 'window' });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    refused(await office.post(`/api/v1/workflow/review_case/${c.id}/transitions/accept`, { version: c.version, date: '2026-10-09', values: { procedure: 'normal' } }), 'date', `不能早于收到日期（${received}）`);
    refused(await office.post(`/api/v1/workflow/review_case/${c.id}/transitions/reject`, { version: c.version, date: '2026-10-11', note: '不符合受理条件' }), 'date', `不能早于收到日期（${received}）`);
    await advance(office, 'review_case', c.id, 'accept', { version: c.version, date: received, values: { procedure: 'normal' } });
  });

  it('a litigation case cannot have received the complaint before it was filed (the form names the field)', async () => {
    const bureau = await env.platform.db.selectFrom('org_units').select('id').where('code', '=', 'SFX-D03').executeTakeFirstOrThrow();
    const res = await office.post('/api/v1/litigation-cases', { unitId: bureau.id, title: '某诉教育局案', court: '示范县人民法院', plaintiff: '王五', cause: '行政许可', filedDate: '2026-10-20', complaintReceivedDate: '2026-10-18' });
    refused(res, 'complaintReceivedDate', '不能早于立案日期（2026-10-20）');
  });

  it('an import row with a reply before the request was received is refused on its row and column, nothing saved', async () => {
    const csv = 'ref,receivedDate,unitCode,applicant,content,replyDate,replyType\nDATES-1,2026-10-10,SFX-D03,赵六,某项信息,2026-10-08,予以公开\n';
    const res = await office.request({ method: 'POST', url: '/api/v1/imports/foi_requests', ...multipart('公开申请.csv', csv) });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([{ row: 2, column: '答复日期（replyDate）', message: '答复日期（2026-10-08）不能早于收到日期（2026-10-10）' }]);
    expect(await env.platform.db.selectFrom('foi_requests').select('id').where('ref', '=', 'DATES-1').executeTakeFirst()).toBeUndefined();
  });
});

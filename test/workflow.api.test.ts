// Calendar, deadline rules, clocks and the workflow kernel end to end over HTTP, proven on the
// 交办事项 record type: transitions by role, guards, clock effects, timeline, audit, scope, 我的待办,
// escalation and notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loggedIn, makeUnit, makeUser, multipart, type Agent, type TestEnv } from './harness.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';
import { JOB_LEASE_MS, runDailyJob } from '../src/server/kernel/workflow/daily.ts';
import { dailyJobClaimed } from '../src/server/kernel/workflow/daily-runner.ts';
import { workingDaysBetween } from '../src/server/kernel/calendar/deadline.ts';

let env: TestEnv;
let lawOffice: Agent;
let liaisonA: Agent;
let headA: Agent;
let liaisonB: Agent;
let unitA: { id: string };
let unitB: { id: string };

const daysAgo = (n: number) => fromDayNumber(toDayNumber(chinaToday()) - n);

beforeAll(async () => {
  env = await createTestEnv();
  const root = await makeUnit(env.platform, { kind: 'county', name: '测试县' });
  const office = await makeUnit(env.platform, { parent: root, name: '司法局' });
  unitA = await makeUnit(env.platform, { parent: root, name: '教育局' });
  unitB = await makeUnit(env.platform, { parent: root, name: '卫健局' });
  lawOffice = await loggedIn(env.app, (await makeUser(env.platform, { unit: office, roles: ['law_office'] })).username);
  liaisonA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_liaison'] })).username);
  headA = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitA as any, roles: ['unit_head'] })).username);
  liaisonB = await loggedIn(env.app, (await makeUser(env.platform, { unit: unitB as any, roles: ['unit_liaison'] })).username);
});
afterAll(() => env.close());

async function assign(title: string, extra: Record<string, unknown> = {}) {
  const res = await lawOffice.post('/api/v1/matters', { unitId: unitA.id, title, content: '请按期办理。', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const transition = (agent: Agent, id: string, key: string, body: Record<string, unknown>) => agent.post(`/api/v1/workflow/matter/${id}/transitions/${key}`, body);

describe('deadline API (public)', () => {
  it('computes a due date with its explanation', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/calendar/deadline?rule=foi.reply&from=2026-09-28' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.due).toBe('2026-10-30');
    expect(body.explanation.makeupWorkdaysCounted).toEqual([{ date: '2026-10-10', name: '国庆节调休上班' }]);
    expect(body.explanation.rule.citation).toContain('政府信息公开条例');
  });

  it('refuses an unknown rule or a bad date in Chinese, naming the field', async () => {
    const unknown = await env.app.inject({ method: 'GET', url: '/api/v1/calendar/deadline?rule=nope.rule&from=2026-09-28' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('未知的期限规则');
    const bad = await env.app.inject({ method: 'GET', url: '/api/v1/calendar/deadline?rule=foi.reply&from=2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('from');
  });

  it('answers whether a day is a working day', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/calendar/day?date=2026-02-14' });
    expect(res.json()).toMatchObject({ workday: true, reason: 'makeup', known: true });
  });
});

describe('calendar overrides', () => {
  it('an entered notice for a new year makes its dates exact, audited; a unit cannot change the calendar', async () => {
    // A year no calendar data will announce for a long time, so the test holds whatever the
    // shipped data gains: review.accept (5 working days) from Tuesday 2099-04-28 crosses Friday 05-01
    // (劳动节, a holiday by date even before the notice) and Monday 05-04 (a day off only the notice gives).
    const Y = 2099;
    const deadline = async () => (await env.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?rule=review.accept&from=${Y}-04-28` })).json();
    expect((await lawOffice.get(`/api/v1/calendar/years/${Y}`)).json()).toMatchObject({ year: Y, known: false, source: null });
    const before = await deadline();
    expect(before).toMatchObject({ due: `${Y}-05-06`, provisional: true }); // 05-01 off by date, 05-04 assumed a working day
    expect(before.explanation.unknownYears).toEqual([Y]);

    expect((await liaisonA.put(`/api/v1/calendar/overrides/${Y}-05-01`, { kind: 'holiday', name: '劳动节' })).statusCode).toBe(403);
    const bad = await lawOffice.post(`/api/v1/calendar/years/${Y}/announce`, { notice: '国办发明电〔2098〕1号', days: [{ date: `${Y - 1}-05-01`, kind: 'holiday', name: '劳动节' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('days.0.date');

    const res = await lawOffice.post(`/api/v1/calendar/years/${Y}/announce`, {
      notice: `国务院办公厅关于${Y}年部分节假日安排的通知`,
      days: [
        { date: `${Y}-05-01`, kind: 'holiday', name: '劳动节' },
        { date: `${Y}-05-04`, kind: 'holiday', name: '劳动节' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: Y, known: true, source: 'announced' });
    expect(await deadline()).toMatchObject({ due: `${Y}-05-07`, provisional: false });

    const month = (await lawOffice.get(`/api/v1/calendar/month?year=${Y}&month=5`)).json();
    expect(month.days[0]).toMatchObject({ date: `${Y}-05-01`, workday: false, reason: 'holiday', source: 'override' });

    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('action', '=', 'calendar.announce').execute();
    expect(audit.length).toBe(1);
    // Withdrawing the notice makes the year provisional again.
    expect((await lawOffice.delete(`/api/v1/calendar/years/${Y}/announce`)).statusCode).toBe(200);
    expect((await deadline()).provisional).toBe(true);
  });
});

describe('deadline rules', () => {
  it('the law office edits a period (open clocks are recomputed); others cannot; stale edits get 409', async () => {
    const rules = (await liaisonA.get('/api/v1/deadline-rules')).json().items;
    const rule = rules.find((r: any) => r.code === 'normdoc.filing');
    expect(rule).toMatchObject({ period: 30, unit: 'calendar_days', builtin: true });
    const body = { name: rule.name, period: 15, unit: 'calendar_days', citation: rule.citation, version: rule.version };
    expect((await liaisonA.put('/api/v1/deadline-rules/normdoc.filing', body)).statusCode).toBe(403);
    const bad = await lawOffice.put('/api/v1/deadline-rules/normdoc.filing', { ...body, period: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('period');

    const m = await assign('规范性文件报备', { ruleCode: 'normdoc.filing', assignedDate: '2026-11-02' });
    expect(m.due).toBe('2026-12-02');
    const ok = await lawOffice.put('/api/v1/deadline-rules/normdoc.filing', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ period: 15, version: rule.version + 1, clocksRecomputed: 1 });
    expect((await lawOffice.get(`/api/v1/matters/${m.id}`)).json().due).toBe('2026-11-17');
    expect((await lawOffice.put('/api/v1/deadline-rules/normdoc.filing', body)).statusCode).toBe(409);
  });

  it('the law office adds a rule; a duplicate code or a bad code is refused', async () => {
    const rule = { code: 'local.petition_reply', name: '信访事项答复', period: 60, unit: 'calendar_days', extension: 30, citation: '《信访工作条例》第三十二条' };
    const res = await lawOffice.post('/api/v1/deadline-rules', rule);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'local.petition_reply', builtin: false, warnDays: 3 });
    expect((await lawOffice.post('/api/v1/deadline-rules', rule)).statusCode).toBe(409);
    const bad = await lawOffice.post('/api/v1/deadline-rules', { ...rule, code: 'No Dots' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('规则编码');
  });
});

describe('a matter through its workflow', () => {
  it('runs assign → reply (guards) → return → reply → accept with clocks, timeline and audit', async () => {
    const m = await assign('报送执法检查情况', { assignedDate: daysAgo(3) });
    expect(m).toMatchObject({ status: 'assigned', unitId: unitA.id });
    expect(m.clocks).toHaveLength(1);
    expect(m.clocks[0]).toMatchObject({ key: 'reply', status: 'running', ruleCode: 'matter.reply', start: daysAgo(3) });
    expect(m.clocks[0].explanation.text[0]).toContain('交办事项办理');

    // The other unit sees nothing of it.
    expect((await liaisonB.get(`/api/v1/matters/${m.id}`)).statusCode).toBe(404);
    expect((await liaisonB.get(`/api/v1/workflow/matter/${m.id}`)).statusCode).toBe(404);
    expect((await liaisonB.get(`/api/v1/clocks/${m.clocks[0].id}`)).statusCode).toBe(404);
    expect((await liaisonB.get('/api/v1/matters')).json().items.map((x: any) => x.id)).not.toContain(m.id);
    expect((await transition(liaisonB, m.id, 'reply', { version: 1, values: { reply: 'x' } })).statusCode).toBe(404);
    const foreignUpload = await liaisonB.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('a.txt', 'x', { recordType: 'matter', recordId: m.id }) });
    expect(foreignUpload.statusCode).toBe(404);

    // The unit's liaison has it waiting, with the traffic light and the explanation.
    const todo = (await liaisonA.get('/api/v1/todo')).json();
    const item = todo.items.find((i: any) => i.id === m.id);
    expect(item).toMatchObject({ recordType: 'matter', status: 'assigned', actions: ['报送办理情况'], link: `/matters/${m.id}` });
    expect(item.clock).toMatchObject({ due: m.clocks[0].due, label: '办理期限' });
    expect(['green', 'yellow']).toContain(item.clock.light);
    expect(item.clock.explanation.join('\n')).toContain('届满日');

    // Wrong role, wrong state, missing guards.
    expect((await transition(lawOffice, m.id, 'reply', { version: 1, values: { reply: '已办' } })).statusCode).toBe(403);
    const illegal = await transition(lawOffice, m.id, 'accept', { version: 1 });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().detail).toContain('当前状态为「待办理」');
    const noEvidence = await transition(liaisonA, m.id, 'reply', { version: 1, values: { reply: '已按要求办理' } });
    expect(noEvidence.statusCode).toBe(409);
    expect(noEvidence.json().detail).toContain('台账材料');
    const noReply = await transition(liaisonA, m.id, 'reply', { version: 1, values: {} });
    expect(noReply.statusCode).toBe(400);
    expect(noReply.json().detail).toContain('办理情况');

    const upload = await liaisonA.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('说明.txt', '办理情况说明', { recordType: 'matter', recordId: m.id }) });
    expect(upload.statusCode, upload.body).toBe(201);
    const stale = await transition(liaisonA, m.id, 'reply', { version: 99, values: { reply: '已按要求办理' } });
    expect(stale.statusCode).toBe(409);
    const replied = await transition(liaisonA, m.id, 'reply', { version: 1, values: { reply: '已按要求办理' } });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'replied', statusLabel: '已报送待审核' });
    expect(replied.json().clocks[0].status).toBe('paused');
    expect(replied.json().transitions).toEqual([]);

    // Now it waits on the law office, not on the unit.
    expect((await liaisonA.get('/api/v1/todo')).json().items.map((i: any) => i.id)).not.toContain(m.id);
    const officeTodo = (await lawOffice.get('/api/v1/todo')).json().items.find((i: any) => i.id === m.id);
    expect(officeTodo).toMatchObject({ status: 'replied', actions: ['审核通过并办结', '退回重办'] });
    expect(officeTodo.clock.light).toBe('paused');

    const noNote = await transition(lawOffice, m.id, 'return', { version: 2 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().detail).toContain('note');
    const returned = await transition(lawOffice, m.id, 'return', { version: 2, note: '材料不全' });
    expect(returned.json()).toMatchObject({ status: 'returned' });
    expect(returned.json().clocks[0].status).toBe('running');

    await transition(liaisonA, m.id, 'reply', { version: 3, values: { reply: '已补充材料' } });
    const done = await transition(lawOffice, m.id, 'accept', { version: 4 });
    expect(done.statusCode, done.body).toBe(200);
    const panel = done.json();
    expect(panel.status).toBe('done');
    expect(panel.clocks[0]).toMatchObject({ status: 'stopped', onTime: true, light: null });
    expect(panel.clocks[0].explanation.pauses.length).toBe(2);
    const labels: string[] = panel.timeline.map((t: any) => t.label);
    // The transition comes first on the timeline, then the clock effects it caused.
    expect(labels.indexOf('报送办理情况')).toBeLessThan(labels.findIndex((l) => l.startsWith('暂停计时')));
    expect(labels).toEqual(expect.arrayContaining(['交办', '报送办理情况', '退回重办', '审核通过并办结']));
    const ret = panel.timeline.find((t: any) => t.label === '退回重办');
    expect(ret).toMatchObject({ fromStatus: 'replied', toStatus: 'returned', note: '材料不全' });
    expect(ret.actorName).toBeTruthy();
    const audited = await env.platform.db.selectFrom('audit_log').select('detail').where('action', '=', 'workflow.transition').where('target_id', '=', m.id).execute();
    expect(audited.length).toBe(4);
    expect((await transition(lawOffice, m.id, 'cancel', { version: 5, note: 'x' })).statusCode).toBe(409);
    expect((await liaisonA.get('/api/v1/matters')).json().items.find((x: any) => x.id === m.id).reply).toBe('已补充材料');
  });

  it('bad input to create names the field in Chinese and saves nothing', async () => {
    const before = await env.platform.db.selectFrom('matters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const [body, field] of [
      [{ unitId: unitA.id, title: '', content: 'x' }, '事项名称'],
      [{ unitId: 'nope', title: 't', content: 'x' }, '承办单位'],
      [{ unitId: unitA.id, title: 't', content: 'x', ruleCode: 'no.such_rule' }, '未知的期限规则'],
      [{ unitId: unitA.id, title: 't', content: 'x', assignedDate: '2026-13-01' }, 'assignedDate'],
    ] as const) {
      const res = await lawOffice.post('/api/v1/matters', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(field);
    }
    const after = await env.platform.db.selectFrom('matters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await liaisonA.post('/api/v1/matters', { unitId: unitA.id, title: 't', content: 'x' })).statusCode).toBe(403);
  });
});

describe('clock operations', () => {
  it('pause and resume shift the due date; an extension is granted once and only where the rule allows it', async () => {
    // A local rule of this test's own that allows one extension of 30 days.
    const rule = { code: 'local.clock_ops', name: '信访事项答复（时钟测试）', period: 60, unit: 'calendar_days', extension: 30, citation: '《信访工作条例》第三十二条' };
    expect((await lawOffice.post('/api/v1/deadline-rules', rule)).statusCode).toBe(201);
    const m = await assign('信访事项答复', { ruleCode: rule.code, assignedDate: '2026-09-01' });
    const clock = m.clocks[0];
    expect(clock.due).toBe('2026-11-02'); // 60 days end Saturday 10-31
    expect((await liaisonA.post(`/api/v1/clocks/${clock.id}/pause`, { version: 1, date: '2026-09-10', reason: 'x' })).statusCode).toBe(403);
    const paused = await lawOffice.post(`/api/v1/clocks/${clock.id}/pause`, { version: 1, date: '2026-09-10', reason: '等待鉴定结论' });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().status).toBe('paused');
    expect((await lawOffice.post(`/api/v1/clocks/${clock.id}/pause`, { version: 2, date: '2026-09-11', reason: 'x' })).statusCode).toBe(409);
    const early = await lawOffice.post(`/api/v1/clocks/${clock.id}/resume`, { version: 2, date: '2026-09-05' });
    expect(early.statusCode).toBe(400);
    const resumed = await lawOffice.post(`/api/v1/clocks/${clock.id}/resume`, { version: 2, date: '2026-09-20' });
    expect(resumed.json()).toMatchObject({ status: 'running', due: '2026-11-10' }); // 9-11..9-20 not counted: 70 days
    const extended = await headA.post(`/api/v1/clocks/${clock.id}/extend`, { version: 3, approval: '局长批准（教法〔2026〕3号）' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({ extended: true });
    expect(extended.json().explanation.extension).toEqual({ period: 30, note: '局长批准（教法〔2026〕3号）' });
    const again = await headA.post(`/api/v1/clocks/${clock.id}/extend`, { version: 4, approval: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已经延长过一次');

    const other = await assign('普通事项');
    const refused = await lawOffice.post(`/api/v1/clocks/${other.clocks[0].id}/extend`, { version: 1, approval: '批准' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('不允许延长');
    const restarted = await lawOffice.post(`/api/v1/clocks/${other.clocks[0].id}/restart`, { version: 1, date: chinaToday(), reason: '收到补正材料' });
    expect(restarted.json().explanation.restarts).toHaveLength(1);
    const timeline = (await lawOffice.get(`/api/v1/workflow/matter/${m.id}`)).json().timeline.map((t: any) => t.action);
    expect(timeline).toEqual(expect.arrayContaining(['clock.start', 'clock.pause', 'clock.resume', 'clock.extend']));
  });
});

describe('the daily job\'s claim', () => {
  it('a run killed mid-way stops beating: its claim is taken over after the lease, never while it beats or once finished', async () => {
    const day = '2031-02-03';
    const claimed = () => dailyJobClaimed(env.platform, day);
    // A process claimed the day and died: the row has no finish, its last beat is old.
    const silentSince = new Date(Date.now() - JOB_LEASE_MS - 60_000).toISOString();
    await env.platform.db.insertInto('job_runs').values({ job: 'daily', run_date: day, started_at: silentSince, heartbeat_at: silentSince, finished_at: null, summary: null }).execute();
    expect(await claimed()).toBe(false);
    // A beat within the lease: still running elsewhere, left alone.
    const recent = new Date(Date.now() - JOB_LEASE_MS / 2).toISOString();
    await env.platform.db.updateTable('job_runs').set({ heartbeat_at: recent }).where('run_date', '=', day).execute();
    expect(await claimed()).toBe(true);
    expect((await runDailyJob(env.platform, day)).skipped).toBe(true);
    // Silent again: the next run takes the claim over and finishes the day.
    await env.platform.db.updateTable('job_runs').set({ heartbeat_at: silentSince }).where('run_date', '=', day).execute();
    expect((await runDailyJob(env.platform, day)).skipped).toBe(false);
    const row = await env.platform.db.selectFrom('job_runs').selectAll().where('job', '=', 'daily').where('run_date', '=', day).executeTakeFirstOrThrow();
    expect(row.finished_at).not.toBeNull();
    expect(await claimed()).toBe(true);
    // A finished run is never taken over, however old.
    await env.platform.db.updateTable('job_runs').set({ heartbeat_at: silentSince, started_at: silentSince }).where('run_date', '=', day).execute();
    expect((await runDailyJob(env.platform, day)).skipped).toBe(true);
  });
});

describe('escalation and notifications', () => {
  it('an overdue clock escalates to the unit head, then to the law office; the job runs once a day', async () => {
    const m = await assign('逾期测试事项', { assignedDate: '2026-06-01' });
    const due = m.clocks[0].due;
    const day1 = fromDayNumber(toDayNumber(due) + 1);
    const s1 = await runDailyJob(env.platform, day1);
    expect(s1.skipped).toBe(false);
    expect(s1.escalatedToUnitHead).toBeGreaterThanOrEqual(1);
    expect((await runDailyJob(env.platform, day1)).skipped).toBe(true);

    const headCount = (await headA.get('/api/v1/notifications/unread-count')).json().unread;
    expect(headCount).toBeGreaterThanOrEqual(1);
    const list = (await headA.get('/api/v1/notifications?unread=true')).json().items;
    const escalation = list.find((n: any) => n.kind === 'escalation' && n.title.includes('逾期测试事项'));
    expect(escalation.link).toBe(`/matters/${m.id}`);
    expect(escalation.body).toContain(due);
    const digest = (await liaisonA.get('/api/v1/notifications')).json().items.find((n: any) => n.kind === 'digest');
    expect(digest.title).toContain('待办');

    // Nobody marks another's notification.
    expect((await liaisonB.post(`/api/v1/notifications/${escalation.id}/read`)).statusCode).toBe(404);
    expect((await headA.post(`/api/v1/notifications/${escalation.id}/read`)).statusCode).toBe(200);
    expect((await headA.get('/api/v1/notifications/unread-count')).json().unread).toBe(headCount - 1);

    let later = toDayNumber(day1);
    const { calendar } = await env.platform.deadlines.load();
    while (workingDaysBetween(calendar, due, fromDayNumber(later)) <= env.platform.config.escalateAfterWorkingDays) later++;
    const s2 = await runDailyJob(env.platform, fromDayNumber(later));
    expect(s2.escalatedToLawOffice).toBeGreaterThanOrEqual(1);
    const office = (await lawOffice.get('/api/v1/notifications')).json().items;
    expect(office.some((n: any) => n.title === '逾期报法治办：逾期测试事项')).toBe(true);
    const panel = (await lawOffice.get(`/api/v1/workflow/matter/${m.id}`)).json();
    expect(panel.clocks[0].escalationLevel).toBe(2);
    expect(panel.timeline.filter((t: any) => t.action === 'clock.escalate')).toHaveLength(2);
    expect((await headA.post('/api/v1/notifications/read-all')).json().marked).toBeGreaterThanOrEqual(0);
    expect((await headA.get('/api/v1/notifications/unread-count')).json().unread).toBe(0);
  });
});

describe('daily digests at province scale', () => {
  it('read the directory in parts and add up a person whose units span two parts', async () => {
    // A unit with 100 units under it spans two parts of the daily digest's reading (100 units each).
    const { parent_id } = await env.platform.db.selectFrom('org_units').select('parent_id').where('id', '=', unitA.id).executeTakeFirstOrThrow();
    const root = await env.platform.db.selectFrom('org_units').selectAll().where('id', '=', parent_id!).executeTakeFirstOrThrow();
    const town = await makeUnit(env.platform, { parent: root, kind: 'town', name: '大镇' });
    for (let i = 0; i < 100; i++) await makeUnit(env.platform, { parent: town, kind: 'village', name: `第${i + 1}村` });
    const villages = await env.platform.db.selectFrom('org_units').selectAll().where('path', 'like', `${town.path}_%`).orderBy('path').execute();
    const [first, last] = [villages[0]!, villages.at(-1)!];
    for (const unit of [first, last]) expect((await lawOffice.post('/api/v1/matters', { unitId: unit.id, title: '分片待办', content: '请按期办理。' })).statusCode).toBe(201);
    // Two liaisons of the town share one digest's working out, and each gets it; a liaison of one
    // village sees the one matter there; an enforcement officer of the town may act on none of them.
    const liaison = await loggedIn(env.app, (await makeUser(env.platform, { unit: town, roles: ['unit_liaison'] })).username);
    const second = await loggedIn(env.app, (await makeUser(env.platform, { unit: town, roles: ['unit_liaison'] })).username);
    const villageLiaison = await loggedIn(env.app, (await makeUser(env.platform, { unit: last, roles: ['unit_liaison'] })).username);
    const officer = await loggedIn(env.app, (await makeUser(env.platform, { unit: town, roles: ['enforcement_officer'] })).username);
    await runDailyJob(env.platform, fromDayNumber(toDayNumber(chinaToday()) + 400));
    const digestTitles = async (agent: typeof liaison) => (await agent.get('/api/v1/notifications')).json().items.filter((n: any) => n.kind === 'digest').map((n: any) => n.title);
    expect(await digestTitles(liaison)).toEqual([expect.stringMatching(/待办 2 项/)]);
    expect(await digestTitles(second)).toEqual([expect.stringMatching(/待办 2 项/)]);
    expect(await digestTitles(villageLiaison)).toEqual([expect.stringMatching(/待办 1 项/)]);
    expect(await digestTitles(officer)).toEqual([]);
  });
});

// One record running several clocks at once, driven through the kernel's effects the way a case
// module does it (a reconsideration case has its acceptance, reply and decision clocks).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, makeUnit, makeUser, type TestEnv } from './harness.ts';
import { actingAs } from '../src/server/kernel/auth/acting-as.ts';
import { applyEffects, workflowPanel, type WorkflowRecord } from '../src/server/kernel/workflow/engine.ts';
import { createMatter } from '../src/server/modules/matters/matters.ts';
import { MATTER_WORKFLOW } from '../src/shared/schemas/matters.ts';
import { clocksWithLights } from '../src/server/kernel/workflow/clocks.ts';
import { chinaToday } from '../src/server/kernel/calendar/days.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

it('runs three clocks on one record: pause one, restart another, stop the third', async () => {
  const root = await makeUnit(env.platform, { kind: 'county' });
  const unit = await makeUnit(env.platform, { parent: root });
  const { username } = await makeUser(env.platform, { unit: root, roles: ['law_office'] });
  const ctx = await actingAs(env.platform, username);
  const id = await env.platform.db.transaction().execute((tx) => createMatter(tx, env.platform, ctx, ctx.scope, { unitId: unit.id, title: '多期限', content: 'x', assignedDate: '2026-09-28' }));
  const record = (await env.platform.db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as unknown as WorkflowRecord;
  const run = (effects: Parameters<typeof applyEffects>[5], date: string) =>
    env.platform.db.transaction().execute((tx) => applyEffects(tx, env.platform, ctx, MATTER_WORKFLOW, record, effects, date));

  await run([{ start: 'accept', label: '受理期限', rule: 'review.accept' }, { start: 'decide', label: '决定期限', rule: 'review.decide' }], '2026-09-28');
  let panel = await workflowPanel(env.platform, ctx, MATTER_WORKFLOW, record);
  const due = (key: string) => panel.clocks.find((c) => c.key === key)!;
  expect(panel.clocks.map((c) => c.key)).toEqual(['reply', 'accept', 'decide']);
  expect(due('accept').due).toBe('2026-10-10'); // 5 working days: 9-29, 9-30, 10-08, 10-09 and the make-up Saturday 10-10
  expect(due('decide').due).toBe('2026-11-27');

  await expect(run([{ start: 'accept', label: '受理期限', rule: 'review.accept' }], '2026-09-29')).rejects.toThrow('已经开始计时');
  await run([{ pause: 'decide', reason: '申请人补正' }], '2026-10-12');
  await run([{ resume: 'decide' }, { restart: 'reply', reason: '重新交办' }, { stop: 'accept', reason: '已受理' }], '2026-10-22');
  panel = await workflowPanel(env.platform, ctx, MATTER_WORKFLOW, record);
  expect(due('decide')).toMatchObject({ status: 'running', due: '2026-12-07' }); // +10 paused days
  expect(due('decide').explanation.pausedDays).toBe(10);
  expect(due('accept')).toMatchObject({ status: 'stopped', stoppedOn: '2026-10-22', onTime: false });
  expect(due('reply')).toMatchObject({ status: 'running', start: '2026-10-22' });
  expect(due('reply').explanation.restarts).toEqual([{ previousStart: '2026-09-28', start: '2026-10-22', reason: '重新交办' }]);
  expect(panel.timeline.filter((t) => t.action.startsWith('clock.')).map((t) => t.action)).toEqual([
    'clock.start', 'clock.start', 'clock.start', 'clock.pause', 'clock.resume', 'clock.restart', 'clock.stop',
  ]);
});

it('gives list views each record\'s clock with today\'s light: red when overdue, yellow within the warning days, none once stopped', async () => {
  const unit = await makeUnit(env.platform, { kind: 'county' });
  const { username } = await makeUser(env.platform, { unit, roles: ['law_office'] });
  const ctx = await actingAs(env.platform, username);
  const today = chinaToday();
  const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const dues = { overdue: shift(-1), soon: today, later: shift(90), stopped: shift(-5) };
  const ids: Record<string, string> = {};
  for (const [name, due] of Object.entries(dues)) {
    const id = await env.platform.db.transaction().execute((tx) => createMatter(tx, env.platform, ctx, ctx.scope, { unitId: unit.id, title: name, content: 'x', assignedDate: today }));
    await env.platform.db.updateTable('clocks').set({ due_date: due, status: name === 'stopped' ? 'stopped' : 'running' }).where('record_id', '=', id).execute();
    ids[name] = id;
  }
  const lights = await clocksWithLights(env.platform, MATTER_WORKFLOW.recordType, Object.values(ids), 'reply');
  expect(Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, lights.get(id)?.light]))).toEqual({ overdue: 'red', soon: 'yellow', later: 'green', stopped: null });
  expect(lights.get(ids.later!)?.clock.due_date).toBe(dues.later);
  expect((await clocksWithLights(env.platform, MATTER_WORKFLOW.recordType, [])).size).toBe(0);
});

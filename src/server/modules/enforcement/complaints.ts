// 投诉举报 about enforcement: registered at the window (or by phone, letter, the 12345 hotline) or
// submitted on the portal (public-form.ts); handled by the unit of the body complained about (交办
// moves it and its clock there), answered within the `enforcement.complaint_reply` clock; the
// complainant's ID number and phone sealed.
import './tables.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { encryptText } from '../../kernel/crypto/keys.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { maskedSealed, workflowViews } from '../../kernel/records/read.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import { COMPLAINT, COMPLAINT_KINDS, COMPLAINT_RECORD_TYPE, COMPLAINT_WORKFLOW, type ComplaintListQuery, type ComplaintView } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { visibleBody } from './bodies.ts';
import type { ComplaintTable } from './tables.ts';
import { moveBelongings } from '../../kernel/workflow/move.ts';

export const COMPLAINT_RULES: readonly DeadlineRuleSeed[] = [
  {
    code: 'enforcement.complaint_reply',
    name: '行政执法投诉举报答复',
    period: 15,
    unit: 'working_days',
    citation: '《行政执法监督条例》（国务院令第825号）（畅通投诉举报渠道，依法及时处理）；参照《市场监督管理投诉举报处理暂行办法》（举报自收到之日起15个工作日内核查处理）；本县行政执法投诉举报处理规定（可按本地规定调整）',
    note: '自收到投诉举报之日起15个工作日内核查处理并答复投诉举报人（默认值，法治办可按本地规定修改）；交办的，期限不重新计算。',
  },
];

export const REPLY_CLOCK = { start: 'reply', label: '答复期限', rule: 'enforcement.complaint_reply' } as const;

const complaintTitle = (kind: keyof typeof COMPLAINT_KINDS, subject: string, content: string) =>
  `${COMPLAINT_KINDS[kind]}${subject ? `${subject}：` : '：'}${content.length > 30 ? `${content.slice(0, 30)}…` : content}`;

/**
 * Registers a complaint. Named a body, it goes to the body's unit; otherwise to the unit chosen
 * (the portal asks the citizen for the unit). The reply clock runs from the day received.
 */
export async function createComplaint(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof COMPLAINT> & { ref?: string | null }): Promise<string> {
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '收到日期', '不能晚于今天');
  let unitId: string;
  let bodyName = '';
  if (input.bodyId) {
    const body = await visibleBody(tx, scope, input.bodyId);
    unitId = body.unit_id;
    bodyName = body.name;
  } else {
    if (!input.unitId) throw fieldError('unitId', '承办单位', '未填写被投诉执法主体的，请选择承办单位');
    const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit || !inScope(scope, unit.id)) throw fieldError('unitId', '承办单位', '不存在或无权访问');
    if (!unit.active) throw fieldError('unitId', '承办单位', '已停用');
    unitId = unit.id;
  }
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<ComplaintTable>(COMPLAINT, input),
    unit_id: unitId,
    body_id: input.bodyId ?? null,
    title: complaintTitle(input.kind, bodyName, input.content),
    complainant_id_number_enc: input.complainantIdNumber ? encryptText(platform.keys, input.complainantIdNumber) : null,
    complainant_phone_enc: input.complainantPhone ? encryptText(platform.keys, input.complainantPhone) : null,
    status: 'received',
    ...newStamps(actor.id),
  } as ComplaintTable;
  await tx.insertInto('enforcement_complaints').values(row).execute();
  await addTimeline(tx, actor, { recordType: COMPLAINT_RECORD_TYPE, recordId: row.id, action: 'create', label: `收到${COMPLAINT_KINDS[input.kind]}`, toStatus: 'received', note: input.receivedDate });
  await applyEffects(tx, platform, actor, COMPLAINT_WORKFLOW, row as unknown as WorkflowRecord, [REPLY_CLOCK], input.receivedDate);
  await platform.audit.record(tx, actor, { action: 'enforcement.complaint_create', targetType: COMPLAINT_RECORD_TYPE, targetId: row.id, detail: { kind: input.kind, channel: input.channel } });
  return row.id;
}

/** 交办: the complaint (still open) and its clock go to the named body's unit; the period runs on. */
export async function assignComplaint(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, bodyId: string): Promise<void> {
  const c = await tx.selectFrom('enforcement_complaints').select(['unit_id', 'status', 'kind', 'content']).where('id', '=', id).executeTakeFirst();
  if (!c || !inScope(scope, c.unit_id)) throw notFound('投诉举报');
  if (c.status !== 'received') throw fieldError('bodyId', '执法主体', '投诉举报已办结，不能再交办');
  const body = await visibleBody(tx, scope, bodyId);
  await updateVersioned(tx, 'enforcement_complaints', id, version, { body_id: body.id, unit_id: body.unit_id, title: complaintTitle(c.kind as keyof typeof COMPLAINT_KINDS, body.name, c.content) }, actor.id);
  await moveBelongings(tx, COMPLAINT_RECORD_TYPE, [id], body.unit_id);
  await addTimeline(tx, actor, { recordType: COMPLAINT_RECORD_TYPE, recordId: id, action: 'assign', label: '交办', note: `交${body.name}办理` });
  await platform.audit.record(tx, actor, { action: 'enforcement.complaint_assign', targetType: COMPLAINT_RECORD_TYPE, targetId: id, detail: { bodyId: body.id, from: c.unit_id, to: body.unit_id } });
}

type Row = ComplaintTable & { unit_name: string; body_name: string | null };

const complaints = recordReader<Row, ComplaintView, ComplaintListQuery>({
  def: COMPLAINT, what: '投诉举报', alias: 'c', status: true, defaultSort: { field: 'receivedDate', order: 'desc' },
  query: (db) => db.selectFrom('enforcement_complaints as c').innerJoin('org_units as u', 'u.id', 'c.unit_id').leftJoin('enforcement_bodies as b', 'b.id', 'c.body_id').selectAll('c').select(['u.name as unit_name', 'b.name as body_name']),
  views: (platform, rows) => workflowViews(platform, COMPLAINT_WORKFLOW, rows, 'reply', (r, { clock, due, light }) => ({
    ...recordView(COMPLAINT, r),
    ...maskedSealed(platform, COMPLAINT, r),
    title: r.title,
    unitName: r.unit_name,
    bodyName: r.body_name,
    due: clock?.status === 'running' ? due : null,
    light: clock?.status === 'running' ? light : null,
    onTime: r.status === 'replied' && clock ? r.reply_date! <= clock.due_date : null,
  })),
});

export const listComplaints = complaints.list;
export const getComplaint = complaints.get;

export const unmaskComplainant = (platform: Platform, ctx: RequestContext, id: string, field: 'idNumber' | 'phone') =>
  unmaskSealed(platform, ctx, { table: 'enforcement_complaints', recordType: COMPLAINT_RECORD_TYPE, what: '投诉举报', idNumber: 'complainant_id_number_enc', phone: 'complainant_phone_enc' }, id, field);

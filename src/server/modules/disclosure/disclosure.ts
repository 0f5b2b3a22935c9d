// 依申请公开: requests with the 20-working-day reply clock (restarted by a supplement, paused while
// a third party is consulted, extended once with approval), applicant data sealed.
import './tables.ts';
import { clockViews, workflowViews, maskedSealed } from '../../kernel/records/read.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { assertInScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { newId } from '../../kernel/ids.ts';
import { encryptText, lookupHash } from '../../kernel/crypto/keys.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { DISCLOSURE_RECORD_TYPE, DISCLOSURE_REQUEST, DISCLOSURE_WORKFLOW, OUTCOME_REASON_LABELS, REASONS_BY_REPLY, type DisclosureClassificationInput, type DisclosureListQuery, type OutcomeReason, type ReplyType, type DisclosureRequestDetail, type DisclosureRequestView } from '../../../shared/schemas/disclosure.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import type { DisclosureRequestTable } from './tables.ts';

export const requestTitle = (applicant: string, content: string) => {
  // 「申请公开本县…」 reads 「张某申请公开：本县…」, not 「…申请公开：申请公开本县…」.
  const asked = content.replace(/^申请公开[：:]?/, '');
  return `${applicant}申请公开：${asked.length > 40 ? `${asked.slice(0, 40)}…` : asked}`;
};
export const REPLY_CLOCK = { start: 'reply', label: '答复期限', rule: 'foi.reply' } as const;

/** The reply can reach the applicant the way they chose: an address to post it to, a mailbox to send it to. */
function checkDeliveryContact(input: { delivery?: string | null; contactAddress?: string | null }): void {
  const contact = input.contactAddress?.trim() ?? '';
  if (input.delivery === 'mail' && contact.length < 5) throw fieldError('contactAddress', '通信地址或电子邮箱', '选择邮寄纸质文书的，请填写通信地址');
  if (input.delivery === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) throw fieldError('contactAddress', '通信地址或电子邮箱', '选择电子邮件的，请填写有效的电子邮箱');
}

export async function createRequest(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof DISCLOSURE_REQUEST> & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || (!scope.all && !scope.unitIds.includes(unit.id))) throw fieldError('unitId', '受理机关', '不存在或无权访问');
  if (!unit.active) throw fieldError('unitId', '受理机关', '已停用');
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '收到申请日期', '不能晚于今天');
  checkDeliveryContact(input);
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<DisclosureRequestTable>(DISCLOSURE_REQUEST, input),
    title: requestTitle(input.applicantName, input.content),
    applicant_id_enc: input.applicantIdNumber ? encryptText(platform.keys, input.applicantIdNumber) : null,
    applicant_id_hash: input.applicantIdNumber ? lookupHash(platform.keys, input.applicantIdNumber) : null,
    applicant_phone_enc: input.applicantPhone ? encryptText(platform.keys, input.applicantPhone) : null,
    status: 'received',
    ...newStamps(actor.id),
  } as DisclosureRequestTable;
  await tx.insertInto('foi_requests').values(row).execute();
  await addTimeline(tx, actor, { recordType: DISCLOSURE_RECORD_TYPE, recordId: row.id, action: 'create', label: '收到公开申请', toStatus: 'received', note: input.receivedDate });
  await applyEffects(tx, platform, actor, DISCLOSURE_WORKFLOW, row as unknown as WorkflowRecord, [REPLY_CLOCK], input.receivedDate);
  await platform.audit.record(tx, actor, { action: 'foi.create', targetType: DISCLOSURE_RECORD_TYPE, targetId: row.id, detail: { receivedDate: input.receivedDate } });
  return row.id;
}

/**
 * Corrects a request's applicant and content. The receipt date started the reply clock: it is
 * corrected through the clock (重新起算), not here.
 */
export async function correctRequest(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<RecordInput<typeof DISCLOSURE_REQUEST>, 'applicantName' | 'content' | 'receivedDate'> & Partial<RecordInput<typeof DISCLOSURE_REQUEST>>): Promise<void> {
  const r = await tx.selectFrom('foi_requests').select(['unit_id', 'received_date']).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('公开申请');
  assertInScope(scope, r.unit_id, '公开申请');
  if (input.receivedDate !== r.received_date) throw fieldError('receivedDate', '收到申请日期', `已登记为 ${r.received_date}，答复期限据此计算，不能直接修改`);
  // Not its unit, channel or sealed data (corrected only at the window, with the person present).
  const { unitId: _unit, channel: _channel, ...corrected } = input;
  await updateVersioned(tx, 'foi_requests', id, version, { ...recordRow<DisclosureRequestTable>(DISCLOSURE_REQUEST, corrected), title: requestTitle(input.applicantName, input.content) }, actor.id);
  await addTimeline(tx, actor, { recordType: DISCLOSURE_RECORD_TYPE, recordId: id, action: 'update', label: '更正申请信息' });
  await platform.audit.record(tx, actor, { action: 'foi.update', targetType: DISCLOSURE_RECORD_TYPE, targetId: id });
}

/** The results a closed request may have: by its reply type; 不再处理 for lapses; none for a withdrawal (其他). */
function allowedOutcomes(r: Pick<DisclosureRequestTable, 'status' | 'reply_type'>): readonly OutcomeReason[] {
  if (r.status === 'replied' && r.reply_type) return REASONS_BY_REPLY[r.reply_type as ReplyType] ?? [];
  if (r.status === 'closed') return ['other_1', 'other_2'];
  return [];
}

/** 更正年报分类: the applicant type, and the result of a request already closed (it must fit how it was closed). */
export async function classifyRequest(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: DisclosureClassificationInput): Promise<void> {
  const r = await tx.selectFrom('foi_requests').select(['unit_id', 'status', 'reply_type', 'outcome_reason']).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('公开申请');
  assertInScope(scope, r.unit_id, '公开申请');
  const allowed = allowedOutcomes(r);
  const columns: Partial<DisclosureRequestTable> = { applicant_type: input.applicantType };
  if (input.outcomeReason) {
    if (allowed.length === 0) throw fieldError('outcomeReason', '办理结果', r.status === 'withdrawn' ? '撤回的申请计入“其他处理·其他”，无需填写' : '申请尚未办结，答复或不再处理时填写');
    if (!allowed.includes(input.outcomeReason)) throw fieldError('outcomeReason', '办理结果', `「${OUTCOME_REASON_LABELS[input.outcomeReason]}」与该申请的办理方式不符（可选：${allowed.map((k) => OUTCOME_REASON_LABELS[k]).join('、')}）`);
    columns.outcome_reason = input.outcomeReason;
  } else if (allowed.length > 0 && !r.outcome_reason) throw fieldError('outcomeReason', '办理结果', '该申请已办结，请选择办理结果');
  await updateVersioned(tx, 'foi_requests', id, input.version, columns, actor.id);
  await addTimeline(tx, actor, { recordType: DISCLOSURE_RECORD_TYPE, recordId: id, action: 'classify', label: '更正年报分类（申请人类型、办理结果）' });
  await platform.audit.record(tx, actor, { action: 'foi.classify', targetType: DISCLOSURE_RECORD_TYPE, targetId: id, detail: { applicantType: input.applicantType, outcomeReason: input.outcomeReason ?? null } });
}

type Row = DisclosureRequestTable & { unit_name: string };

const requests = recordReader<Row, DisclosureRequestView, DisclosureListQuery>({
  def: DISCLOSURE_REQUEST, what: '公开申请', alias: 'f', status: true, overdue: true, defaultSort: { field: 'receivedDate', order: 'desc' },
  query: (db) => db.selectFrom('foi_requests as f').innerJoin('org_units as u', 'u.id', 'f.unit_id').selectAll('f').select('u.name as unit_name'),
  /** The definition's view, the sealed applicant data masked, and the reply clock's deadline and light. */
  views: (platform, rows) =>
    workflowViews(platform, DISCLOSURE_WORKFLOW, rows, 'reply', (r, { clock, due, light }) => ({
    ...recordView(DISCLOSURE_REQUEST, r),
    ...maskedSealed(platform, DISCLOSURE_REQUEST, r),
    title: r.title,
    unitName: r.unit_name,
    due,
    light,
    onTime: r.status === 'replied' && clock ? r.reply_date! <= clock.due_date : null,
    extended: clock?.extended === 1,
  })),
});

export const listRequests = requests.list;

export async function getRequest(platform: Platform, scope: DataScope, id: string): Promise<DisclosureRequestDetail> {
  return { ...(await requests.get(platform, scope, id)), clocks: await clockViews(platform, DISCLOSURE_RECORD_TYPE, id) };
}

export const unmaskApplicant = (platform: Platform, ctx: RequestContext, id: string, field: 'idNumber' | 'phone') =>
  unmaskSealed(platform, ctx, { table: 'foi_requests', recordType: DISCLOSURE_RECORD_TYPE, what: '公开申请', idNumber: 'applicant_id_enc', phone: 'applicant_phone_enc' }, id, field);

// Import type `foi_requests`, through the module's own commands: the request is registered (its
// reply clock starts on the receipt date), extended as the clock's command allows, and answered
// through the workflow on the reply date, so that imported requests count like requests handled in the app.
import { DISCLOSURE_RECORD_TYPE, DISCLOSURE_REQUEST, DISCLOSURE_WORKFLOW, OUTCOME_REASON_LABELS, REASONS_BY_REPLY, REPLY_TYPES, type OutcomeReason, type ReplyType } from '../../../shared/schemas/disclosure.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importInput, recordImport, type RecordImportRow } from '../../kernel/imports/from-record.ts';
import { booleanCell } from '../../kernel/imports/rows.ts';
import { advanceTo, refuseRow, type RefImportRun, extendApproved } from '../../kernel/imports/by-ref.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { correctRequest, createRequest } from './disclosure.ts';

// 是否延期 is the reply clock's (approved extension), not a column of the request.
const cells = { extended: booleanCell('是否延期').optional() };
type Row = RecordImportRow<typeof DISCLOSURE_REQUEST.fields, typeof cells>;

function contradiction(v: Row): [string, string] | null {
  if (v.receivedDate > chinaToday()) return ['收到日期（receivedDate）', '不能晚于今天'];
  if (v.replyDate && v.replyDate < v.receivedDate) return ['答复日期（replyDate）', '不能早于收到日期'];
  if (v.replyDate && v.replyDate > chinaToday()) return ['答复日期（replyDate）', '不能晚于今天'];
  if ((v.replyType || v.outcomeReason) && !v.replyDate) return ['答复日期（replyDate）', '有答复类型或办理结果的申请必须填写答复日期'];
  if (v.replyDate && !v.applicantType) return ['申请人类型（applicantType）', '已办结的申请必须填写申请人类型（年度报告表三按此分列）'];
  if (v.outcomeReason && closedWithoutReply(v.outcomeReason)) return v.replyType ? ['答复类型（replyType）', '逾期未补正、未缴费而不再处理的申请没有答复类型，请留空'] : null;
  if (v.replyDate && !v.replyType) return ['答复类型（replyType）', '已答复的申请必须填写答复类型'];
  if (v.replyType && !v.outcomeReason && REASONS_BY_REPLY[v.replyType as ReplyType].length > 1) return ['办理结果（outcomeReason）', `答复类型为「${REPLY_TYPES[v.replyType as ReplyType]}」时必须填写办理结果（年度报告表三的具体情形）`];
  if (v.replyType && v.outcomeReason && !REASONS_BY_REPLY[v.replyType as ReplyType].includes(v.outcomeReason as OutcomeReason)) {
    return ['办理结果（outcomeReason）', `「${OUTCOME_REASON_LABELS[v.outcomeReason as OutcomeReason]}」与答复类型「${REPLY_TYPES[v.replyType as ReplyType]}」不符`];
  }
  return null;
}

/** 逾期未补正 / 逾期未缴费: closed without a reply (the workflow's 不再处理). */
const closedWithoutReply = (reason: string) => reason === 'other_1' || reason === 'other_2';

/** The intake fields a row carries (its reply columns are a step, not input). */
const requestInput = (v: Row) => importInput(DISCLOSURE_REQUEST, v) as Pick<RecordInput<typeof DISCLOSURE_REQUEST>, 'applicantName' | 'content' | 'receivedDate'>;

export const disclosureRequestsImport = recordImport(DISCLOSURE_REQUEST, {
  type: 'foi_requests', title: '政府信息公开申请', permission: 'foi.manage', example: 'YSQ-2025-007',
  fields: (derived) => [...derived, { name: 'extended', label: '是否延期', required: false, note: 'true/false 或 是/否（经批准延长20个工作日）', example: '否' }],
  extra: cells,
  columns: { applicantName: '申请人（applicant）', date: '答复日期（replyDate）' },
  check,
  create: (v, unitId, run) => createRequest(run.tx, run.platform, run.actor, run.actor.scope, { ...requestInput(v), unitId, channel: 'window', ref: v.ref }),
  update: (v, existing, run) => correctRequest(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, requestInput(v)),
  then: answer,
});

function check(v: Row, run: RefImportRun): void {
  const problem = contradiction(v);
  if (problem) refuseRow(...problem);
  if (v.extended) run.require('clock.extend', '是否延期（extended）', '批准延期（须单位负责人或法治办）');
}

/** The approved extension (as the clock's own command), then 作出答复 on the reply date. */
async function answer(v: Row, id: string, run: RefImportRun): Promise<void> {
  if (v.extended) await extendApproved(run, DISCLOSURE_RECORD_TYPE, id, 'reply');
  const step = v.outcomeReason && closedWithoutReply(v.outcomeReason)
    ? { status: 'closed', transition: 'close', date: v.replyDate ?? '', values: { outcomeReason: v.outcomeReason } }
    : { status: 'replied', transition: 'reply', date: v.replyDate ?? '', values: { replyType: v.replyType, outcomeReason: v.outcomeReason } };
  await advanceTo(run, DISCLOSURE_WORKFLOW, id, [step], v.replyDate ? 1 : 0, '答复日期（replyDate）');
}

// Import type `review_cases`: historical and current cases, with their clocks rebuilt from the
// dates so that imported cases count exactly like cases worked through the UI.
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { DECISIONS, REVIEW_CHANNELS, REVIEW_OUTCOMES, REVIEW_PROCEDURES, REVIEW_RECORD_TYPE, REVIEW_WORKFLOW, TERMINATIONS, type ReviewOutcome } from '../../../shared/schemas/review.ts';
import type { ImportType, RowError } from '../../kernel/imports/types.ts';
import { booleanCell, refCell, rowChecker, textCell, unitIdsByCode } from '../../kernel/imports/rows.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { changeClock, clearClocks } from '../../kernel/workflow/clocks.ts';
import { caseTitle } from './review.ts';
import type { ReviewCaseTable } from './tables.ts';

const row = z.object({
  ref: refCell(),
  unitCode: unitCode.meta({ title: '复议机关编码' }),
  applicant: textCell('申请人', 100),
  respondent: textCell('被申请人', 100),
  act: textCell('被申请的行政行为', 500),
  receivedDate: isoDate('收到日期'),
  channel: enumFromLabels(REVIEW_CHANNELS, '申请方式'),
  acceptedDate: isoDate('受理日期').optional(),
  procedure: enumFromLabels(REVIEW_PROCEDURES, '审理程序').optional(),
  closedDate: isoDate('结案日期').optional(),
  outcome: enumFromLabels(REVIEW_OUTCOMES, '结果').optional(),
  extended: booleanCell('是否延期').optional(),
});
type Row = z.infer<typeof row>;

/** The first contradiction among a case's dates and outcome, as [column, message]. */
function contradiction(v: Row): [string, string] | null {
  const today = chinaToday();
  const outcome = v.outcome as ReviewOutcome | undefined;
  if (v.receivedDate > today) return ['收到日期（receivedDate）', '不能晚于今天'];
  if (v.acceptedDate && v.acceptedDate < v.receivedDate) return ['受理日期（acceptedDate）', '不能早于收到日期'];
  if (v.closedDate && v.closedDate < (v.acceptedDate ?? v.receivedDate)) return ['结案日期（closedDate）', v.acceptedDate ? '不能早于受理日期' : '不能早于收到日期'];
  if ((v.acceptedDate && v.acceptedDate > today) || (v.closedDate && v.closedDate > today)) return ['结案日期（closedDate）', '不能晚于今天'];
  if (outcome && !v.closedDate) return ['结案日期（closedDate）', '有结果的案件必须填写结案日期'];
  if (v.closedDate && !outcome) return ['结果（outcome）', '已结案的案件必须填写结果'];
  if (outcome === 'not_accepted' && v.acceptedDate) return ['结果（outcome）', '已受理的案件不能是“不予受理”'];
  if (outcome && outcome in DECISIONS && !v.acceptedDate) return ['受理日期（acceptedDate）', '作出复议决定的案件必须已受理'];
  if (v.acceptedDate && !v.procedure) return ['审理程序（procedure）', '已受理的案件必须填写审理程序'];
  if (!v.acceptedDate && v.procedure) return ['审理程序（procedure）', '未受理的案件不能填写审理程序'];
  if (v.extended && !v.acceptedDate) return ['是否延期（extended）', '未受理的案件不能延期'];
  if (v.extended && v.procedure === 'simple') return ['是否延期（extended）', '简易程序不能延期'];
  return null;
}

function statusOf(v: Row): string {
  const outcome = v.outcome as ReviewOutcome | undefined;
  if (outcome === 'not_accepted') return 'not_accepted';
  if (outcome && outcome in DECISIONS) return 'decided';
  if (outcome && outcome in TERMINATIONS) return 'terminated';
  return v.acceptedDate ? 'accepted' : 'received';
}

/** Rebuilds a case's clocks from its dates: acceptance review, then the decision clock. */
async function rebuildClocks(tx: Tx, platform: Platform, actor: Actor, record: ReviewCaseTable, v: Row): Promise<void> {
  await clearClocks(tx, REVIEW_RECORD_TYPE, record.id);
  await applyEffects(tx, platform, actor, REVIEW_WORKFLOW, record as unknown as WorkflowRecord, [{ start: 'accept', label: '受理审查期限', rule: 'review.accept' }], v.receivedDate);
  const acceptEnd = v.acceptedDate ?? (v.closedDate && !v.acceptedDate ? v.closedDate : null);
  if (acceptEnd) await applyEffects(tx, platform, actor, REVIEW_WORKFLOW, record as unknown as WorkflowRecord, [{ stop: 'accept', reason: '批量导入' }], acceptEnd);
  if (!v.acceptedDate) return;
  await applyEffects(tx, platform, actor, REVIEW_WORKFLOW, record as unknown as WorkflowRecord, [{ start: 'decide', label: '复议决定期限', rule: v.procedure === 'simple' ? 'review.decide_simple' : 'review.decide' }], v.acceptedDate);
  const decide = () => tx.selectFrom('clocks').selectAll().where('record_type', '=', REVIEW_RECORD_TYPE).where('record_id', '=', record.id).where('clock_key', '=', 'decide').executeTakeFirstOrThrow();
  if (v.extended) await changeClock(tx, platform, actor, await decide(), { op: 'extend', approval: '批量导入：已经批准延长' });
  if (v.closedDate) await changeClock(tx, platform, actor, await decide(), { op: 'stop', date: v.closedDate, reason: '批量导入：已结案' });
}

export const reviewCasesImport: ImportType<Row> = {
  type: 'review_cases',
  title: '行政复议案件',
  permission: 'review.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '案件唯一编号（如复议案号），再次导入同一编号时更新', example: '示复〔2025〕3号' },
    { name: 'unitCode', label: '复议机关编码', required: true, note: '受理复议的机关（单位编码）', example: 'SFX' },
    { name: 'applicant', label: '申请人', required: true, note: '', example: '张某' },
    { name: 'respondent', label: '被申请人', required: true, note: '', example: '示范县市场监督管理局' },
    { name: 'act', label: '被申请的行政行为', required: true, note: '', example: '行政处罚决定书（示市监罚〔2025〕12号）' },
    { name: 'receivedDate', label: '收到日期', required: true, note: 'YYYY-MM-DD', example: '2025-03-02' },
    { name: 'channel', label: '申请方式', required: true, note: 'window/mail/online 或 窗口/邮寄/网上', example: '窗口' },
    { name: 'acceptedDate', label: '受理日期', note: '不早于收到日期', example: '2025-03-06' },
    { name: 'procedure', label: '审理程序', note: 'normal/simple 或 普通程序/简易程序；已受理的必填', example: '普通程序' },
    { name: 'closedDate', label: '结案日期', note: '不早于受理（或收到）日期', example: '2025-04-20' },
    { name: 'outcome', label: '结果', note: `${Object.keys(REVIEW_OUTCOMES).join('/')}，或 ${Object.values(REVIEW_OUTCOMES).join('/')}`, example: '维持' },
    { name: 'extended', label: '是否延期', note: 'true/false 或 是/否（经批准延长30日）', example: '否' },
  ],
  row,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    const check = rowChecker(errors);
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate } = check(r.row);
      if (duplicate(v.ref)) continue;
      const unitId = units.get(v.unitCode);
      if (!unitId) {
        fail('复议机关编码（unitCode）', `单位「${v.unitCode}」不存在`);
        continue;
      }
      const problem = contradiction(v);
      if (problem) {
        fail(...problem);
        continue;
      }
      const now = nowIso();
      const columns = {
        unit_id: unitId,
        title: caseTitle(v.applicant, v.respondent),
        applicant_name: v.applicant,
        respondent: v.respondent,
        act: v.act,
        received_date: v.receivedDate,
        channel: v.channel,
        status: statusOf(v),
        procedure: v.procedure ?? null,
        accepted_date: v.acceptedDate ?? null,
        closed_date: v.closedDate ?? null,
        outcome: v.outcome ?? null,
        updated_at: now,
        updated_by: actor.id,
      };
      const existing = await tx.selectFrom('review_cases').selectAll().where('ref', '=', v.ref).executeTakeFirst();
      let record: ReviewCaseTable;
      if (existing) {
        await tx.updateTable('review_cases').set({ ...columns, version: existing.version + 1 }).where('id', '=', existing.id).execute();
        record = { ...existing, ...columns, version: existing.version + 1 };
        await addTimeline(tx, actor, { recordType: REVIEW_RECORD_TYPE, recordId: record.id, action: 'import', label: '批量导入更新', fromStatus: existing.status, toStatus: columns.status });
        updated++;
      } else {
        record = { id: newId(), ref: v.ref, ...columns, applicant_kind: 'person', applicant_id_enc: null, applicant_id_hash: null, applicant_phone_enc: null, respondent_unit_id: null, copy_sent_date: null, reply_date: null, committee_opinion: null, version: 1, created_at: now, created_by: actor.id };
        await tx.insertInto('review_cases').values(record).execute();
        await addTimeline(tx, actor, { recordType: REVIEW_RECORD_TYPE, recordId: record.id, action: 'import', label: '批量导入', toStatus: columns.status });
        created++;
      }
      await rebuildClocks(tx, platform, actor, record, v);
    }
    return { created, updated, errors };
  },
};

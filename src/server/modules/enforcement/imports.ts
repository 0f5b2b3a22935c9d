// Import types `enforcement_bodies`, `enforcement_officers`, `enforcement_list_items` and `enforcement_cases` (issue 16's contract), through the
// module's own commands (kernel/imports/by-ref.ts): a row is done as the importer would do it in the app.
import { z } from '../../../shared/zod.ts';
import { CASE_MIN_OFFICERS, CASE_WORKFLOW, ENFORCEMENT_BODY, ENFORCEMENT_CASE, FILE_REVIEW, LIST_ITEM, OFFICER, OFFICER_WORKFLOW, type CaseInput } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importInput, recordImport, recordParent, type RecordImportRow } from '../../kernel/imports/from-record.ts';
import { advanceTo, parentByRef, refuseRow, type ImportStep, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { splitCodes, textCell } from '../../kernel/imports/rows.ts';
import { createCase } from './cases.ts';
import { addFile, scoreFile } from './file-reviews.ts';
import { lookupHash } from '../../kernel/crypto/keys.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { createBody, updateBody } from './bodies.ts';
import { createListItem, updateListItem } from './lists.ts';
import { certificateAction, certificateProblem, createOfficer, updateOfficer } from './officers.ts';

export const enforcementBodiesImport = recordImport(ENFORCEMENT_BODY, {
  type: 'enforcement_bodies', title: '执法主体', permission: 'enforcement.register', example: 'ZFZT-SCJ',
  create: (v, unitId, { tx, platform, actor }) => createBody(tx, platform, actor, actor.scope, { ...(importInput(ENFORCEMENT_BODY, v) as Omit<RecordInput<typeof ENFORCEMENT_BODY>, 'unitId'>), unitId, ref: v.ref }),
  update: (v, existing, { tx, platform, actor }) => updateBody(tx, platform, actor, actor.scope, existing.id, existing.version!, importInput(ENFORCEMENT_BODY, v) as Omit<RecordInput<typeof ENFORCEMENT_BODY>, 'unitId'>),
});

type OfficerRow = RecordImportRow<typeof OFFICER.fields>;
const BODY_COLUMN = '执法主体编号（bodyRef）';
const body = parentByRef('enforcement_bodies', (v: { bodyRef: string }) => v.bodyRef, BODY_COLUMN, '执法主体');
const STATUS_COLUMN = '在岗状态（status）';

export const enforcementOfficersImport = recordImport(OFFICER, {
  type: 'enforcement_officers', title: '执法人员', permission: 'enforcement.register', example: 'ZF-001',
  columns: { bodyId: BODY_COLUMN, date: '发证日期（certificateIssuedDate）', validUntil: '有效期至（certificateValidUntil）' },
  unitOf: body.unitOf,
  async create(v, _unitId, run) {
    const id = await createOfficer(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(OFFICER, v) as Omit<RecordInput<typeof OFFICER>, 'bodyId'>), bodyId: (await body.find(v, run)).id, ref: v.ref });
    await advance(v, id, run);
  },
  async update(v, existing, run) {
    await body.kept(v, run, existing.body_id, '执法人员不能通过导入改属其他执法主体，请在系统中办理调动');
    if (lookupHash(run.platform.keys, v.idNumber) !== existing.id_number_hash) refuseRow('身份证号（idNumber）', '与该编号已登记人员的身份证号不一致');
    let version = await updateOfficer(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { name: v.name, post: v.post, supervisor: v.supervisor ?? false });
    version = await recertify(v, existing, version, run);
    await advance(v, existing.id, run);
    return version;
  },
});

/**
 * A row whose certificate differs from the one on record is a new certificate (发证 or 换证 on the
 * row's issue date): only those who may issue certificates may import it.
 */
async function recertify(v: OfficerRow, existing: Record<string, any>, version: number, run: RefImportRun): Promise<number> {
  const problem = certificateProblem(v);
  if (problem) refuseRow(`${problem[1]}（${problem[0]}）`, problem[2]);
  if (!v.certificateNumber) return version;
  const same = v.certificateNumber === existing.certificate_number && v.certificateIssuedDate === existing.certificate_issued_date && v.certificateValidUntil === existing.certificate_valid_until;
  if (same) return version;
  run.require('enforcement.certify', '执法证号（certificateNumber）', '办理发证、换证（请由司法局导入或在系统中办理）');
  const action = existing.certificate_status === 'valid' ? 'renew' : 'issue';
  await certificateAction(run.tx, run.platform, run.actor, run.actor.scope, existing.id, { version, action, date: v.certificateIssuedDate!, certificateNumber: v.certificateNumber, validUntil: v.certificateValidUntil!, note: '批量导入' });
  return version + 1;
}

/** 在岗 → 离岗 → 注销 through the workflow, on the row's leaving date (or today). */
async function advance(v: OfficerRow, id: string, run: RefImportRun): Promise<void> {
  const date = v.leftDate ?? chinaToday();
  if (v.leftDate && v.leftDate > chinaToday()) refuseRow('离岗日期（leftDate）', '不能晚于今天');
  if (v.leftDate && (!v.status || v.status === 'active')) refuseRow(STATUS_COLUMN, '填写了离岗日期的，在岗状态应为离岗或注销');
  const steps = [
    { status: 'left', transition: 'leave', date },
    { status: 'revoked', transition: 'cancel', date },
  ];
  const wanted = v.status === 'revoked' ? 2 : v.status === 'left' ? 1 : 0;
  await advanceTo(run, OFFICER_WORKFLOW, id, steps, wanted, STATUS_COLUMN);
}

/** 四张清单 and the inspection catalog, from the bodies' spreadsheets. */
export const enforcementListItemsImport = recordImport(LIST_ITEM, {
  type: 'enforcement_list_items', title: '四张清单与检查事项', permission: 'enforcement.register', example: 'BYCF-001',
  columns: { bodyId: BODY_COLUMN },
  unitOf: body.unitOf,
  async create(v, _unitId, run) {
    await createListItem(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(LIST_ITEM, v) as Omit<RecordInput<typeof LIST_ITEM>, 'bodyId'>), bodyId: (await body.find(v, run)).id, ref: v.ref });
  },
  async update(v, existing, run) {
    await body.kept(v, run, existing.body_id, '清单事项不能通过导入改属其他执法主体');
    await updateListItem(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(LIST_ITEM, v) as Omit<RecordInput<typeof LIST_ITEM>, 'bodyId'>), conditions: existing.conditions });
  },
});

const caseCells = {
  officerRefs: textCell('执法人员编号（officerRefs）', 2000),
  // The contract's column is in fen (an integer), not the yuan a money column takes elsewhere.
  penaltyAmountFen: z.coerce.number({ error: '罚没金额（penaltyAmountFen）应为整数（分）' }).int({ error: '罚没金额（penaltyAmountFen）应为整数（分）' }).min(0, { error: '罚没金额（penaltyAmountFen）不能为负数' }).optional(),
};
type CaseRow = RecordImportRow<typeof ENFORCEMENT_CASE.fields, typeof caseCells>;
const OFFICERS_COLUMN = '执法人员编号（officerRefs）';

/** 执法案件 from a body's case register: the intake, then the review, decision and disclosure on the row's dates through the workflow. */
export const enforcementCasesImport = recordImport(ENFORCEMENT_CASE, {
  type: 'enforcement_cases', title: '执法案件', permission: 'enforcement.case', example: 'ZFAJ-2026-001',
  fields: (derived) => derived.toSpliced(derived.findIndex((f) => f.name === 'kind') + 1, 0, { name: 'officerRefs', label: '执法人员编号', required: true, note: `执法人员的外部编号，用 ; 分隔，至少 ${CASE_MIN_OFFICERS} 人，立案日期须持有效执法证`, example: 'ZF-001;ZF-002' }),
  extra: caseCells,
  columns: { bodyId: BODY_COLUMN, officerIds: OFFICERS_COLUMN, date: '决定日期（decidedDate）', 'values.penaltyAmount': '罚没金额（penaltyAmountFen）' },
  unitOf: body.unitOf,
  async create(v, _unitId, run) {
    const bodyId = (await body.find(v, run)).id;
    const officerIds: string[] = [];
    for (const ref of splitCodes(v.officerRefs)) officerIds.push((await run.record('enforcement_officers', ref, OFFICERS_COLUMN, '执法人员')).id);
    const id = await createCase(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(ENFORCEMENT_CASE, v) as Omit<CaseInput, 'bodyId' | 'officerIds'>), bodyId, officerIds, ref: v.ref });
    await advanceCase(v, id, run);
  },
  async update(v, existing, run) {
    await body.kept(v, run, existing.body_id, '执法案件不能通过导入改属其他执法主体');
    if (!!v.major !== (existing.major === 1)) refuseRow('重大执法决定（major）', '立案后不能通过导入更改是否为重大执法决定');
    await advanceCase(v, existing.id, run);
  },
});

/** 立案 → (法制审核) → 决定 → 公示, each on the row's own date. */
async function advanceCase(v: CaseRow, id: string, run: RefImportRun): Promise<void> {
  const today = chinaToday();
  for (const [name, label] of [['legalReviewDate', '法制审核日期'], ['decidedDate', '决定日期'], ['disclosedDate', '公示日期']] as const) {
    if (v[name] && v[name]! > today) refuseRow(`${label}（${name}）`, '不能晚于今天');
  }
  if (v.legalReviewDate && !v.major) refuseRow('重大执法决定（major）', '填写了法制审核日期的，应为重大执法决定');
  if (v.major && v.decidedDate && !v.legalReviewDate) refuseRow('法制审核日期（legalReviewDate）', '重大执法决定须先经法制审核，请填写法制审核日期');
  if (v.legalReviewDate) run.require('enforcement.legal_review', '法制审核日期（legalReviewDate）', '登记法制审核（请由法制审核人员导入，或在系统中办理）');
  if (v.disclosedDate && !v.decidedDate) refuseRow('决定日期（decidedDate）', '填写了公示日期的，必须填写决定日期');
  const outcome = v.penaltyAmountFen || v.kind !== 'inspection' ? 'imposed' : 'concluded';
  const decide: ImportStep = { status: 'decided', transition: 'decide', date: v.decidedDate ?? today, values: { outcome, decision: '批量导入，决定内容见案卷', ...(v.penaltyAmountFen ? { penaltyAmount: v.penaltyAmountFen / 100 } : {}) } };
  const disclose: ImportStep = { status: 'disclosed', transition: 'disclose', date: v.disclosedDate ?? today };
  const review: ImportStep[] = v.major
    ? [
        { status: 'legal_review', transition: 'submit_review', date: v.legalReviewDate ?? today },
        { status: 'reviewed', transition: 'review', date: v.legalReviewDate ?? today, values: { legalReviewOpinion: '批量导入，审核意见见案卷' } },
      ]
    : [];
  const steps = [...review, decide, disclose];
  const wanted = v.disclosedDate ? steps.length : v.decidedDate ? steps.length - 1 : v.legalReviewDate ? 2 : 0;
  await advanceTo(run, CASE_WORKFLOW, id, steps, wanted, '决定日期（decidedDate）');
}

type FileRow = RecordImportRow<typeof FILE_REVIEW.fields>;
const CAMPAIGN_COLUMN = '评查活动编号（campaignRef）';
const reviewedCase = recordParent(FILE_REVIEW, 'caseId', 'enforcement_cases');

/** 评查结果 from the bureau's spreadsheet: the file added to the campaign, then scored when the row gives a score. */
export const fileReviewsImport = recordImport(FILE_REVIEW, {
  type: 'file_reviews', title: '案卷评查结果', permission: 'enforcement.supervise', example: 'PC-2026-001',
  columns: { campaignId: CAMPAIGN_COLUMN },
  parent: reviewedCase,
  async create(v, _unitId, run) {
    const campaign = await run.record('enforcement_review_campaigns', v.campaignRef, CAMPAIGN_COLUMN, '评查活动');
    const found = await reviewedCase.find(v, run);
    const id = await addFile(run.tx, run.platform, run.actor, run.actor.scope, campaign.id, found.id, v.ref);
    await score(v, id, 1, run);
  },
  async update(v, existing, run) {
    const campaign = await run.record('enforcement_review_campaigns', v.campaignRef, CAMPAIGN_COLUMN, '评查活动');
    const found = await reviewedCase.find(v, run);
    if (campaign.id !== existing.campaign_id || found.id !== existing.case_id) refuseRow(reviewedCase.column, '该编号已登记为其他评查活动或案件的评查结果');
    await score(v, existing.id, existing.version!, run);
  },
});

async function score(v: FileRow, id: string, version: number, run: RefImportRun): Promise<void> {
  if (v.score === undefined) {
    if (v.reviewedDate || v.passed !== undefined) refuseRow('得分（score）', '填写了评查日期或是否合格的，必须填写得分');
    return;
  }
  if (!v.reviewedDate) refuseRow('评查日期（reviewedDate）', '有得分的必须填写评查日期');
  await scoreFile(run.tx, run.platform, run.actor, run.actor.scope, id, { version, reviewedDate: v.reviewedDate!, score: v.score, passed: v.passed ?? null, failedNote: '评查不合格（批量导入，问题见评查表）' });
}

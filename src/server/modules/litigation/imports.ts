// Import types `litigation_cases` and `litigation_hearings`, through the module's own commands.
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { CASE_RESULTS, LITIGATION_WORKFLOW } from '../../../shared/schemas/litigation.ts';
import { booleanCell, refCell, textCell } from '../../kernel/imports/rows.ts';
import { advanceTo, refImport, refuseRow, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { caseDateProblem, correctCase, createLitigationCase, recordHearing } from './litigation.ts';

const caseRow = z.object({
  ref: refCell(),
  unitCode: unitCode.meta({ title: '被告单位编码' }),
  court: textCell('法院', 100),
  plaintiff: textCell('原告', 100),
  cause: textCell('案由', 300),
  filedDate: isoDate('立案日期'),
  complaintReceivedDate: isoDate('收到起诉状副本日期'),
  judgmentDate: isoDate('裁判日期').optional(),
  result: enumFromLabels(CASE_RESULTS, '结果').optional(),
});
type CaseRow = z.infer<typeof caseRow>;

const COLUMNS: Record<string, string> = { filedDate: '立案日期（filedDate）', complaintReceivedDate: '收到起诉状副本日期（complaintReceivedDate）', judgmentDate: '裁判日期（judgmentDate）' };

export const litigationCasesImport = refImport<CaseRow>({
  type: 'litigation_cases',
  title: '行政应诉案件',
  permission: 'litigation.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '如法院案号，再次导入同一编号时更新', example: '(2025)湘0102行初15号' },
    { name: 'unitCode', label: '被告单位编码', required: true, note: '', example: 'SFX-D21' },
    { name: 'court', label: '法院', required: true, note: '', example: '示范县人民法院' },
    { name: 'plaintiff', label: '原告', required: true, note: '', example: '某商贸有限公司' },
    { name: 'cause', label: '案由', required: true, note: '', example: '不服行政处罚决定' },
    { name: 'filedDate', label: '立案日期', required: true, note: 'YYYY-MM-DD', example: '2025-04-10' },
    { name: 'complaintReceivedDate', label: '收到起诉状副本日期', required: true, note: '不早于立案日期', example: '2025-04-15' },
    { name: 'judgmentDate', label: '裁判日期', note: '不早于立案日期；有结果（未结除外）时必填', example: '2025-08-20' },
    { name: 'result', label: '结果', note: 'won/lost/withdrawn/mediated/pending 或 胜诉/败诉/原告撤诉/调解结案/未结', example: '胜诉' },
  ],
  row: caseRow,
  table: 'litigation_cases',
  columns: { unitId: '被告单位编码（unitCode）', date: '裁判日期（judgmentDate）', ...COLUMNS },
  unitOf: (v, run) => run.unit(v.unitCode, '被告单位编码（unitCode）'),
  async create(v, unitId, run) {
    checkCase(v);
    const id = await createLitigationCase(run.tx, run.platform, run.actor, run.actor.scope, { unitId, court: v.court, plaintiff: v.plaintiff, cause: v.cause, filedDate: v.filedDate, complaintReceivedDate: v.complaintReceivedDate, ref: v.ref });
    await judge(v, id, run);
  },
  async update(v, existing, run) {
    checkCase(v);
    await correctCase(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, v);
    await judge(v, existing.id, run);
  },
});

function checkCase(v: CaseRow): void {
  const problem = caseDateProblem(v);
  if (problem) refuseRow(COLUMNS[problem[0]]!, problem[2]);
  const result = v.result && v.result !== 'pending' ? v.result : null;
  if (result && !v.judgmentDate) refuseRow('裁判日期（judgmentDate）', '有结果的案件必须填写裁判日期');
  if (!result && v.judgmentDate) refuseRow('结果（result）', '有裁判日期的案件必须填写结果');
}

/**
 * 登记裁判结果 on the judgment date; then 结案 when the importer may close cases (the law office) and
 * the case was not lost — a lost case waits for its analysis (败诉原因剖析), as in the app.
 */
async function judge(v: CaseRow, id: string, run: RefImportRun): Promise<void> {
  const result = v.result && v.result !== 'pending' ? v.result : null;
  const close = LITIGATION_WORKFLOW.transitions.find((t) => t.key === 'close')!;
  const mayClose = run.actor.roles.some((r) => r === 'system' || (close.roles as readonly string[]).includes(r));
  const steps = [
    { status: 'judged', transition: 'judge', date: v.judgmentDate ?? '', values: { result } },
    { status: 'closed', transition: 'close', date: v.judgmentDate ?? '' },
  ];
  await advanceTo(run, LITIGATION_WORKFLOW, id, steps, !result ? 0 : result !== 'lost' && mayClose ? 2 : 1, '结果（result）');
}

const hearingRow = z.object({
  ref: refCell(),
  caseRef: refCell('案件编号'),
  date: isoDate('开庭日期'),
  headAppeared: booleanCell('负责人是否出庭'),
  headName: textCell('出庭负责人', 50).optional(),
});
type HearingRow = z.infer<typeof hearingRow>;

export const litigationHearingsImport = refImport<HearingRow>({
  type: 'litigation_hearings',
  title: '行政应诉开庭',
  permission: 'litigation.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '', example: 'H-2025-015-1' },
    { name: 'caseRef', label: '案件编号', required: true, note: '应诉案件的外部编号', example: '(2025)湘0102行初15号' },
    { name: 'date', label: '开庭日期', required: true, note: '不早于立案日期', example: '2025-06-18' },
    { name: 'headAppeared', label: '负责人是否出庭', required: true, note: 'true/false 或 是/否', example: '是' },
    { name: 'headName', label: '出庭负责人', note: '负责人出庭时必填', example: '李局长' },
  ],
  row: hearingRow,
  table: 'litigation_hearings',
  columns: { caseId: '案件编号（caseRef）' },
  unitOf: async (v, run) => (await run.record('litigation_cases', v.caseRef, '案件编号（caseRef）', '案件')).unit_id,
  async create(v, _unitId, run) {
    const c = await run.record('litigation_cases', v.caseRef, '案件编号（caseRef）', '案件');
    await recordHearing(run.tx, run.platform, run.actor, run.actor.scope, c.id, { date: v.date, headAppeared: v.headAppeared, headName: v.headName, ref: v.ref });
  },
  async update(v, existing, run) {
    const c = await run.record('litigation_cases', v.caseRef, '案件编号（caseRef）', '案件');
    await recordHearing(run.tx, run.platform, run.actor, run.actor.scope, c.id, { date: v.date, headAppeared: v.headAppeared, headName: v.headName }, existing.id);
  },
});

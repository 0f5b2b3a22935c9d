// Import types `litigation_cases` and `litigation_hearings`, through the module's own commands.
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { CASE_RESULTS, LITIGATION_CASE, LITIGATION_HEARING, LITIGATION_WORKFLOW } from '../../../shared/schemas/litigation.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importInput, recordImport, recordParent, type RecordImportRow } from '../../kernel/imports/from-record.ts';
import { advanceTo, refuseRow, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { caseDateProblem, correctCase, createLitigationCase, recordHearing } from './litigation.ts';

// 未结 (pending) says the case has no result yet.
const caseCells = { result: enumFromLabels(CASE_RESULTS, '结果').optional() };
type CaseRow = RecordImportRow<typeof LITIGATION_CASE.fields, typeof caseCells>;

const COLUMNS: Record<string, string> = { filedDate: '立案日期（filedDate）', complaintReceivedDate: '收到起诉状副本日期（complaintReceivedDate）', judgmentDate: '裁判日期（judgmentDate）' };

/** The intake fields a row carries (its judgment columns are steps, not input). */
const caseInput = (v: CaseRow) => importInput(LITIGATION_CASE, v) as Pick<RecordInput<typeof LITIGATION_CASE>, 'court' | 'plaintiff' | 'cause' | 'filedDate' | 'complaintReceivedDate'>;

export const litigationCasesImport = recordImport(LITIGATION_CASE, {
  type: 'litigation_cases', title: '行政应诉案件', permission: 'litigation.manage', example: '(2025)湘0102行初15号',
  fields: (derived) => derived.map((f) => (f.name === 'ref' ? { ...f, note: '如法院案号；本单位内唯一，再次导入同一编号时更新' } : f)),
  extra: caseCells,
  columns: { date: '裁判日期（judgmentDate）', ...COLUMNS },
  check: checkCase,
  create: (v, unitId, run) => createLitigationCase(run.tx, run.platform, run.actor, run.actor.scope, { ...caseInput(v), unitId, ref: v.ref }),
  update: (v, existing, run) => correctCase(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, caseInput(v)),
  then: judge,
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

const hearingCase = recordParent(LITIGATION_HEARING, 'caseId', 'litigation_cases');

export const litigationHearingsImport = recordImport(LITIGATION_HEARING, {
  type: 'litigation_hearings', title: '行政应诉开庭', permission: 'litigation.manage', example: 'H-2025-015-1',
  parent: hearingCase,
  async create(v, _unitId, run) {
    await recordHearing(run.tx, run.platform, run.actor, run.actor.scope, (await hearingCase.find(v, run)).id, { date: v.date, headAppeared: v.headAppeared, headName: v.headName, ref: v.ref });
  },
  async update(v, existing, run) {
    await recordHearing(run.tx, run.platform, run.actor, run.actor.scope, (await hearingCase.find(v, run)).id, { date: v.date, headAppeared: v.headAppeared, headName: v.headName }, existing.id);
  },
});

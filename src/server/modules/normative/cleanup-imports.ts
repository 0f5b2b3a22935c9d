// Import types `cleanups` and `cleanup_items`: a county's cleanup ledger, through the module's
// commands. A campaign is the county's (organised by the top unit unless the row names another; refs unique on the whole platform,
// imported by the law office); a row with a finish date finishes it, so the documents' statuses follow.
// Items name their campaign and a document within its scope; in a finished campaign the result
// reaches the document at once, on the finish date.
import { z, isoDate } from '../../../shared/zod.ts';
import { unitCode } from '../../../shared/schemas/org.ts';
import { CLEANUP, CLEANUP_ITEM } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import type { ImportField } from '../../kernel/imports/types.ts';
import { platformImport, refuseRow, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { countyUnitOf } from '../../kernel/auth/scope.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { correctCleanup, createCleanup, recordFinish, recordItem } from './cleanups.ts';

const OPTIONAL = ['unitCode', 'issuedBefore', 'deadline'];
/** Refs of the county's ledgers are unique on the whole platform. */
const platformRef = (f: ImportField): ImportField => (f.name === 'ref' ? { ...f, note: '全县唯一；再次导入同一编号时更新' } : f);
const cleanupRow = importRow(CLEANUP, { unitCode: unitCode.optional(), issuedBefore: isoDate('公布日期截至（issuedBefore）').optional(), deadline: isoDate('完成期限（deadline）').optional() });
type CleanupRow = z.infer<typeof cleanupRow>;

/** The campaign as the API takes it: the dates the ledger leaves out are its finish date (or today). */
const campaign = (v: CleanupRow): Omit<RecordInput<typeof CLEANUP>, 'unitId'> => {
  const day = v.finishedDate ?? chinaToday();
  return { ...(importInput(CLEANUP, v) as Pick<RecordInput<typeof CLEANUP>, 'title' | 'kind'>), issuedBefore: v.issuedBefore ?? day, deadline: v.deadline ?? day };
};

/** The organising unit: the row's, or the importer's county (the CLI: the top unit). */
async function organiser(v: CleanupRow, run: RefImportRun): Promise<string> {
  if (v.unitCode) return run.unit(v.unitCode, '组织单位编码（unitCode）');
  const county = run.actor.unitId
    ? await countyUnitOf(run.tx, run.actor.unitId)
    : await run.tx.selectFrom('org_units').select('code').where('parent_id', 'is', null).orderBy('sort_order').orderBy('code').executeTakeFirst();
  return county ? run.unit(county.code, '组织单位编码（unitCode）') : refuseRow('', '尚未建立本县的单位');
}

export const cleanupsImport = platformImport<CleanupRow>({
  type: 'cleanups',
  title: '规范性文件清理',
  permission: 'normdoc.cleanup',
  fields: importFields(CLEANUP, 'QL-2025-01').map((f) => platformRef(OPTIONAL.includes(f.name) ? { ...f, required: false } : f)),
  row: cleanupRow,
  table: 'normdoc_cleanups',
  columns: { date: '完成日期（finishedDate）', '': '完成日期（finishedDate）' },
  async create(v, run) {
    const id = await createCleanup(run.tx, run.platform, run.actor, run.actor.scope, { ...campaign(v), unitId: await organiser(v, run), ref: v.ref }, false);
    await recordFinish(run.tx, run.platform, run.actor, id, v.finishedDate ?? null);
  },
  async update(v, existing, run) {
    if (existing.status === 'open') await correctCleanup(run.tx, run.platform, run.actor, existing.id, existing.version!, campaign(v));
    await recordFinish(run.tx, run.platform, run.actor, existing.id, v.finishedDate ?? null);
  },
});

const itemRow = importRow(CLEANUP_ITEM);
type ItemRow = z.infer<typeof itemRow>;

export const cleanupItemsImport = platformImport<ItemRow>({
  type: 'cleanup_items',
  title: '规范性文件清理结果',
  permission: 'normdoc.cleanup',
  fields: importFields(CLEANUP_ITEM, 'QL-2025-01-003').map((f) => platformRef(f.name === 'result' ? { ...f, required: true } : f)),
  row: itemRow,
  table: 'normdoc_cleanup_items',
  columns: { docId: '规范性文件编号（docRef）', result: '清理结果（result）', reason: '理由（reason）' },
  async create(v, run) {
    await item(v, run);
  },
  async update(v, _existing, run) {
    await item(v, run);
  },
});

async function item(v: ItemRow, run: RefImportRun): Promise<void> {
  const cleanup = await run.record('normdoc_cleanups', v.cleanupRef, '清理活动编号（cleanupRef）', '清理活动');
  const doc = await run.record('normative_docs', v.docRef, '规范性文件编号（docRef）', '规范性文件');
  if (!v.result) refuseRow('清理结果（result）', '清理结果（result）不能为空');
  await recordItem(run.tx, run.platform, run.actor, cleanup.id, doc.id, v.ref, v.result!, v.reason ?? null);
}

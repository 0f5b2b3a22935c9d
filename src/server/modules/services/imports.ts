// Import types `service_items`, `service_cases` and `service_ratings` (the provincial platform's
// exports), through the module's own commands within the importer's scope (kernel/imports/by-ref.ts).
import { SERVICE_CASE, SERVICE_ITEM, SERVICE_RATING, SERVICE_RATING_WORKFLOW, isBadLevel } from '../../../shared/schemas/services.ts';
import { importInput, recordImport, recordParent, type RecordImportRow } from '../../kernel/imports/from-record.ts';
import { advanceTo, refuseRow, type ImportStep } from '../../kernel/imports/by-ref.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { createCase, createItem, createRating, updateCase, updateItem, updateRating } from './services.ts';

type ItemRow = RecordImportRow<typeof SERVICE_ITEM.fields>;

const itemFields = (v: ItemRow) => importInput(SERVICE_ITEM, v) as Parameters<typeof updateItem>[6];

export const serviceItemsImport = recordImport(SERVICE_ITEM, {
  type: 'service_items', title: '政务服务事项', permission: 'services.manage', example: 'SX-000105001000',
  create: (v, unitId, run) => createItem(run.tx, run.platform, run.actor, run.actor.scope, { ...itemFields(v), unitId, code: v.code, ref: v.ref } as Parameters<typeof createItem>[4]),
  async update(v, existing, run) {
    if (existing.code !== v.code) refuseRow('事项编码（code）', `外部编号「${v.ref}」已是事项编码 ${existing.code} 的版本，事项编码不能更改`);
    await updateItem(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, itemFields(v));
  },
});

const caseItem = recordParent(SERVICE_CASE, 'itemId', 'service_items');

export const serviceCasesImport = recordImport(SERVICE_CASE, {
  type: 'service_cases', title: '政务服务办件量', permission: 'services.manage', example: 'BJ-2025-03-000105001000',
  // A case volume belongs to its item's unit: its ref is unique there.
  parent: caseItem,
  create: async (v, _unitId, run) => createCase(run.tx, run.platform, run.actor, run.actor.scope, { itemId: (await caseItem.find(v, run)).id, month: v.month, count: v.count, ref: v.ref }),
  update: async (v, existing, run) => updateCase(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { itemId: (await caseItem.find(v, run)).id, month: v.month, count: v.count }),
});

type RatingRow = RecordImportRow<typeof SERVICE_RATING.fields>;

const RECTIFIED = '整改日期（rectifiedDate）';
const ratedItem = recordParent(SERVICE_RATING, 'itemId', 'service_items');

/** 回访 (a named rating), 整改 and, for the law office, 核验办结 — each on the row's rectification date. */
function steps(v: RatingRow): ImportStep[] {
  const date = v.rectifiedDate ?? '';
  return [
    ...(v.named ? [{ status: 'rectifying', transition: 'revisit', date, values: { revisitResult: '（批量导入：已回访）' } }] : []),
    { status: 'submitted', transition: 'rectify', date, values: { rectification: '（批量导入：已整改）' } },
    { status: 'closed', transition: 'verify', date },
  ];
}

export const serviceRatingsImport = recordImport(SERVICE_RATING, {
  type: 'service_ratings', title: '政务服务好差评', permission: 'services.manage', example: 'PJ-2025-000123',
  fields: (derived) => derived.map((f) => (f.name === 'rectifiedDate' ? { ...f, note: '差评已整改的填写，不早于评价日期；法治办导入的视为已核验办结' } : f)),
  columns: { receivedDate: '评价日期（date）', level: '评价等级（level）', named: '实名评价（named）' },
  parent: ratedItem,
  check(v) {
    if (v.date > chinaToday()) refuseRow('评价日期（date）', '不能晚于今天');
    if (v.rectifiedDate && !isBadLevel(v.level)) refuseRow(RECTIFIED, '只有差评（不满意、非常不满意）需要整改');
    if (v.rectifiedDate && v.rectifiedDate > chinaToday()) refuseRow(RECTIFIED, '不能晚于今天');
  },
  create: async (v, _unitId, run) => {
    return createRating(run.tx, run.platform, run.actor, run.actor.scope, { itemId: (await ratedItem.find(v, run)).id, receivedDate: v.date, level: v.level, named: v.named ?? false, channel: 'import', ref: v.ref });
  },
  update: async (v, existing, run) => {
    await updateRating(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { itemId: (await ratedItem.find(v, run)).id, receivedDate: v.date, level: v.level, named: v.named ?? false });
  },
  then: async (v, id, run) => {
    if (!isBadLevel(v.level)) return;
    const all = steps(v);
    // The law office's import closes the follow-up; a unit's leaves it for the law office to verify.
    const wanted = !v.rectifiedDate ? 0 : run.actor.roles.includes('law_office') ? all.length : all.length - 1;
    const record = await run.tx.selectFrom('service_ratings').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    if (record.status === 'appealing' || record.status === 'voided') {
      if (v.rectifiedDate) refuseRow(RECTIFIED, '该差评正在申诉或申诉已成立，不能导入整改');
      return;
    }
    await advanceTo(run, SERVICE_RATING_WORKFLOW, id, all, wanted, RECTIFIED);
  },
});

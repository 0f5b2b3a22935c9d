// Import type `fee_items`: a unit's 行政事业性收费 of a year (the finance office's year-end figures),
// through the same command as the form.
import type { z } from '../../../shared/zod.ts';
import { FEE_ITEM, type FeeInput } from '../../../shared/schemas/fees.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { refImport } from '../../kernel/imports/by-ref.ts';
import { createFee, updateFee } from './fees.ts';

const row = importRow(FEE_ITEM);
type Row = z.infer<typeof row>;
const UNIT_COLUMN = '收费单位编码（unitCode）';

export const feeItemsImport = refImport<Row>({
  type: 'fee_items',
  title: '行政事业性收费',
  permission: 'foi.manage',
  fields: importFields(FEE_ITEM, 'SF-2025-01'),
  row,
  table: 'fee_items',
  columns: { unitId: UNIT_COLUMN },
  unitOf: (v, run) => run.unit(v.unitCode, UNIT_COLUMN),
  create: (v, unitId, run) => createFee(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(FEE_ITEM, v) as Omit<FeeInput, 'unitId'>), unitId, ref: v.ref }),
  update: (v, existing, run) => updateFee(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(FEE_ITEM, v) as Omit<FeeInput, 'unitId'>), unitId: existing.unit_id }),
});

// Import type `normative_docs`: the county's existing library (and drafts), through the module's
// commands: the draft as the API makes it, then its history as the ledger states it (recordLedger).
import type { z } from '../../../shared/zod.ts';
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { IMPORT_STATUSES, NORMATIVE_DOC } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { refImport } from '../../kernel/imports/by-ref.ts';
import { createNormativeDoc, recordLedger, type NormdocLedger } from './normative.ts';

const STATUS_COLUMN = '状态（status）';
const row = importRow(NORMATIVE_DOC, { status: enumFromLabels(IMPORT_STATUSES, STATUS_COLUMN).optional() });
type Row = z.infer<typeof row>;

const ledger = (v: Row): NormdocLedger => ({
  title: v.title,
  status: v.status ?? (v.issuedDate ? 'in_force' : 'draft'),
  docNumber: v.docNumber ?? null,
  registerNumber: v.registerNumber ?? null,
  reviewedDate: v.reviewedDate ?? null,
  issuedDate: v.issuedDate ?? null,
  validUntil: v.validUntil ?? null,
  filedDate: v.filedDate ?? null,
});

export const normativeDocsImport = refImport<Row>({
  type: 'normative_docs',
  title: '规范性文件',
  permission: 'normdoc.draft',
  fields: [
    ...importFields(NORMATIVE_DOC, 'GF-2025-003'),
    { name: 'status', label: '状态', note: `${Object.keys(IMPORT_STATUSES).join('/')} 或 ${Object.values(IMPORT_STATUSES).join('/')}；不填时有公布日期的为现行有效，否则为起草中`, example: '现行有效' },
  ],
  row,
  table: 'normative_docs',
  columns: { unitId: '起草单位编码（unitCode）', date: '公布日期（issuedDate）', status: STATUS_COLUMN },
  unitOf: (v, run) => run.unit(v.unitCode, '起草单位编码（unitCode）'),
  async create(v, unitId, run) {
    const id = await createNormativeDoc(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(NORMATIVE_DOC, v) as Pick<RecordInput<typeof NORMATIVE_DOC>, 'title'>), unitId, ref: v.ref }, 'import');
    await recordLedger(run.tx, run.platform, run.actor, id, ledger(v));
  },
  async update(v, existing, run) {
    await recordLedger(run.tx, run.platform, run.actor, existing.id, ledger(v));
  },
});

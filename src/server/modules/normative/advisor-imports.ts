// Import types `advisors` and `advisor_engagements`: a unit's registry of legal advisors and
// public-service lawyers (the first unit code is the engaging unit, the others units it also serves;
// the phone is entered in the app, never carried by a file) and what they worked on.
import { z } from '../../../shared/zod.ts';
import { ADVISOR, ENGAGEMENT, type AdvisorInput } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importFields, importInput, importRow, recordImport, recordParent } from '../../kernel/imports/from-record.ts';
import { refImport } from '../../kernel/imports/by-ref.ts';
import { createAdvisor, createEngagement, updateAdvisor, updateEngagement } from './advisors.ts';

const UNITS_COLUMN = '服务单位编码（unitCodes）';
const advisorRow = importRow(ADVISOR, { unitCodes: z.string({ error: `${UNITS_COLUMN}不能为空` }).trim().min(1, { error: `${UNITS_COLUMN}不能为空` }).max(2000).meta({ title: '服务单位编码' }) });
type AdvisorRow = z.infer<typeof advisorRow>;

function advisorFields() {
  const [ref, ...fields] = importFields(ADVISOR, 'GW-2025-01');
  const at = fields.findIndex((f) => f.name === 'firm') + 1;
  fields.splice(at, 0, { name: 'unitCodes', label: '服务单位编码', required: true, note: '多个用英文分号 ; 分隔；第一个为聘请单位', example: 'SFX;SFX-D25' });
  return [ref!, ...fields];
}

export const advisorsImport = refImport<AdvisorRow>({
  type: 'advisors',
  title: '法律顾问、公职律师',
  permission: 'advisor.manage',
  fields: advisorFields(),
  row: advisorRow,
  table: 'legal_advisors',
  columns: { unitId: UNITS_COLUMN, servedUnitIds: UNITS_COLUMN },
  unitOf: (v, run) => run.units(v.unitCodes, UNITS_COLUMN)[0]!,
  async create(v, unitId, run) {
    const [, ...served] = run.units(v.unitCodes, UNITS_COLUMN);
    await createAdvisor(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(ADVISOR, v) as Omit<AdvisorInput, 'unitId'>), unitId, servedUnitIds: served, ref: v.ref });
  },
  async update(v, existing, run) {
    const [, ...served] = run.units(v.unitCodes, UNITS_COLUMN);
    await updateAdvisor(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(ADVISOR, v) as Omit<AdvisorInput, 'unitId'>), unitId: existing.unit_id, servedUnitIds: served });
  },
});

const advisor = recordParent(ENGAGEMENT, 'advisorId', 'legal_advisors');

export const advisorEngagementsImport = recordImport(ENGAGEMENT, {
  type: 'advisor_engagements', title: '法律顾问服务记录', permission: 'advisor.manage', example: 'FW-2025-001',
  parent: advisor,
  async create(v, _unitId, run) {
    await createEngagement(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(ENGAGEMENT, v) as Omit<RecordInput<typeof ENGAGEMENT>, 'advisorId'>), advisorId: (await advisor.find(v, run)).id, ref: v.ref });
  },
  async update(v, existing, run) {
    await updateEngagement(run.tx, run.platform, run.actor, existing.id, existing.version!, importInput(ENGAGEMENT, v) as Omit<RecordInput<typeof ENGAGEMENT>, 'advisorId'>);
  },
});

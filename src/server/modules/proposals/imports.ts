// Import type `proposals`: its columns and row derive from the definition. A whole-platform type
// (docs/imports.md): the law office loads the ledger with its history, replies and satisfaction
// included, through the module's commands: the assignment as the API makes it (createProposal,
// correctProposal), then the reply and satisfaction the ledger records (recordReply).
import type { z } from '../../../shared/zod.ts';
import { PROPOSAL } from '../../../shared/schemas/proposals.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { platformImport, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { correctProposal, createProposal, recordReply, type ProposalAssignment } from './proposals.ts';

const row = importRow(PROPOSAL);
type Row = z.infer<typeof row>;

/** The row's assignment; a CPPCC proposal is filed unless the file says 否, an NPC suggestion only refused if marked filed. */
const assignment = (v: Row, run: RefImportRun): ProposalAssignment => ({
  ...(importInput(PROPOSAL, v) as Pick<ProposalAssignment, 'kind' | 'number' | 'title' | 'assignedDate'>),
  leadUnitId: run.unit(v.leadUnitCode, '主办单位编码（leadUnitCode）'),
  filed: v.kind === 'cppcc' ? (v.filed ?? true) : v.filed ? true : null,
});

const reply = (v: Row) => ({ replyDate: v.replyDate ?? null, satisfaction: v.satisfaction ?? null });

export const proposalsImport = platformImport<Row>({
  type: 'proposals',
  title: '建议提案',
  permission: 'proposal.manage',
  fields: importFields(PROPOSAL, 'NPC-2025-012').map((f) => (f.name === 'filed' ? { ...f, note: '政协提案：true/false 或 是/否（默认立案）' } : f)),
  row,
  table: 'proposals',
  columns: { leadUnitId: '主办单位编码（leadUnitCode）' },
  async create(v, run) {
    const id = await createProposal(run.tx, run.platform, run.actor, { ...assignment(v, run), ref: v.ref, proposer: '（导入）' });
    await recordReply(run.tx, run.platform, run.actor, id, reply(v), '批量导入');
  },
  async update(v, proposal, run) {
    await correctProposal(run.tx, run.platform, run.actor, proposal.id, proposal.version!, assignment(v, run));
    await recordReply(run.tx, run.platform, run.actor, proposal.id, reply(v), '批量导入更新');
  },
});

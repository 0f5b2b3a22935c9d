// Import types `audit_projects` and `audit_findings`, through the module's commands (kernel/imports/by-ref.ts).
import { z } from '../../../shared/zod.ts';
import { AUDIT_FINDING, AUDIT_PROJECT } from '../../../shared/schemas/audits.ts';
import { recordImport, recordParent } from '../../kernel/imports/from-record.ts';
import { createFinding, projects, recordRectified, updateFinding } from './audits.ts';

export const auditProjectsImport = recordImport(AUDIT_PROJECT, {
  type: 'audit_projects', title: '审计项目', permission: 'audits.manage', example: 'SJ-2025-01',
  commands: projects,
});

/** `amountFen` is in fen as the contract names it (the definition's money cell reads yuan). */
const fen = z.coerce.number({ error: '涉及金额（amountFen）应为整数（分）' }).int({ error: '涉及金额（amountFen）应为整数（分）' }).min(0, { error: '涉及金额（amountFen）不能为负数' });
const project = recordParent(AUDIT_FINDING, 'projectId', 'audit_projects');
export const auditFindingsImport = recordImport(AUDIT_FINDING, {
  type: 'audit_findings', title: '审计发现问题', permission: 'audits.manage', example: 'SJ-2025-01-03', extra: { amountFen: fen.optional() },
  // A finding belongs to its project's unit: its ref is unique there.
  parent: project,
  async create(v, _unitId, run) {
    return createFinding(run.tx, run.platform, run.actor, run.actor.scope, { projectId: (await project.find(v, run)).id, description: v.description, amountFen: v.amountFen ?? 0, ref: v.ref, rectifiedDate: v.rectifiedDate ?? null });
  },
  async update(v, existing, run) {
    await project.kept(v, run, existing.project_id, '不能改变已登记问题所属的审计项目');
    await updateFinding(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { description: v.description, category: existing.category ?? undefined, amountFen: v.amountFen ?? 0 });
    if (v.rectifiedDate) await recordRectified(run.tx, run.platform, run.actor, existing.id, existing.found_date, v.rectifiedDate);
  },
});

import { afterTransitionOf, type ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { AUDIT_FINDING, AUDIT_FINDING_RECORD_TYPE, AUDIT_FINDING_WORKFLOW, AUDIT_PROJECT, AUDIT_PROJECT_WORKFLOW } from '../../../shared/schemas/audits.ts';
import { auditMigrations } from './migrations.ts';
import { auditRoutes } from './routes.ts';
import { auditFindingsImport, auditProjectsImport } from './imports.ts';
import { auditIndicators } from './indicators.ts';
import { loadDemoAudits } from './demo.ts';
import { AUDIT_RULES, syncFindingProblem } from './audits.ts';

/** 审计监督 (domain.md §2.13; issue 17). */
export const auditsModule: ModuleManifest = {
  name: 'audits',
  title: '审计监督',
  permissions: {
    'audits.read': { label: '查看审计项目与发现问题', roles: BUSINESS_ROLES },
    'audits.manage': { label: '登记审计项目与发现问题', roles: ['law_office'] },
  },
  deadlineRules: AUDIT_RULES,
  migrations: auditMigrations,
  routes: auditRoutes,
  records: [AUDIT_PROJECT, AUDIT_FINDING],
  importTypes: [auditProjectsImport, auditFindingsImport],
  workflows: [AUDIT_PROJECT_WORKFLOW, AUDIT_FINDING_WORKFLOW],
  indicators: auditIndicators,
  demo: loadDemoAudits,
  afterTransition: afterTransitionOf(AUDIT_FINDING_RECORD_TYPE, syncFindingProblem),
};

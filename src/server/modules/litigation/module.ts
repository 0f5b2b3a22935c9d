import { afterTransitionOf, type ModuleManifest } from '../../kernel/modules.ts';
import { LITIGATION_RULES } from './deadline-rules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { LITIGATION_CASE, LITIGATION_HEARING, LITIGATION_RECORD_TYPE, LITIGATION_WORKFLOW } from '../../../shared/schemas/litigation.ts';
import { litigationMigrations } from './migrations.ts';
import { litigationRoutes } from './routes.ts';
import { litigationCasesImport, litigationHearingsImport } from './imports.ts';
import { litigationIndicators } from './indicators.ts';
import { loadDemoLitigation } from './demo.ts';
import { feedLoss } from './litigation.ts';

/** 行政应诉 (domain.md §2.9). The defendant unit handles its case; the law office oversees. */
export const litigationModule: ModuleManifest = {
  name: 'litigation',
  title: '行政应诉',
  permissions: {
    'litigation.read': { label: '查看行政应诉案件', roles: BUSINESS_ROLES.filter((r) => r !== 'enforcement_officer') },
    'litigation.manage': { label: '登记、办理行政应诉案件', roles: ['law_office', 'unit_liaison', 'unit_head'] },
  },
  deadlineRules: LITIGATION_RULES,
  migrations: litigationMigrations,
  routes: litigationRoutes,
  records: [LITIGATION_CASE, LITIGATION_HEARING],
  importTypes: [litigationCasesImport, litigationHearingsImport],
  workflows: [LITIGATION_WORKFLOW],
  indicators: litigationIndicators,
  demo: loadDemoLitigation,
  afterTransition: afterTransitionOf(LITIGATION_RECORD_TYPE, feedLoss),
};

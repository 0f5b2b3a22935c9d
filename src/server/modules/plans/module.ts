import type { ModuleManifest } from '../../kernel/modules.ts';
import { PLAN_DOCUMENTS } from './documents.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { PLAN, TASK, TASK_RECORD_TYPE, TASK_WORKFLOW } from '../../../shared/schemas/plans.ts';
import { planMigrations } from './migrations.ts';
import { planRoutes } from './routes.ts';
import { plansImport, tasksImport } from './imports.ts';
import { planIndicators } from './indicators.ts';
import { loadDemoPlans } from './demo.ts';
import { taskCoUnits } from './plans.ts';

/** 分工方案 / 任务台账 (domain.md §2.1). */
export const plansModule: ModuleManifest = {
  name: 'plans',
  title: '分工方案与任务',
  permissions: {
    'plan.read': { label: '查看分工方案与任务', roles: BUSINESS_ROLES },
    'plan.manage': { label: '制定方案、下达与调整任务', roles: ['law_office'] },
    'plan.report': { label: '报告任务进展', roles: ['unit_liaison', 'unit_head'] },
  },
  migrations: planMigrations,
  routes: planRoutes,
  records: [PLAN, TASK],
  importTypes: [plansImport, tasksImport],
  workflows: [TASK_WORKFLOW],
  alsoReadBy: { [TASK_RECORD_TYPE]: taskCoUnits },
  documents: PLAN_DOCUMENTS,
  indicators: planIndicators,
  demo: loadDemoPlans,
};

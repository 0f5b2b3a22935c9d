import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { CATALOG_ITEM, CATALOG_WORKFLOW, COMMENT, COMMENT_RECORD_TYPE, COMMENT_WORKFLOW, DECISION, DECISION_RECORD_TYPE, DECISION_ROLES, DECISION_WORKFLOW, PROCEDURE_WORKFLOW } from '../../../shared/schemas/decisions.ts';
import { DECISION_RULES, afterDecisionTransition, recountComments } from './decisions.ts';
import { decisionMigrations } from './migrations.ts';
import { decisionRoutes } from './routes.ts';
import { decisionIndicators } from './indicators.ts';
import { commentForm } from './public-form.ts';
import { catalogImport, decisionEventsImport, decisionsImport } from './imports.ts';
import { loadDemoDecisions } from './demo.ts';

/** 重大行政决策 (domain.md §2.5, issue 14): the catalog, the five procedures, public participation, after the decision. */
export const decisionsModule: ModuleManifest = {
  name: 'decision',
  title: '重大行政决策',
  permissions: {
    'decision.read': { label: '查看重大行政决策、事项目录和公众意见', roles: BUSINESS_ROLES },
    'decision.catalog': { label: '编制、调整年度重大行政决策事项目录', roles: ['law_office'] },
    'decision.manage': { label: '办理重大行政决策（记录法定程序、登记和处理意见、公布、执行与后评估）', roles: DECISION_ROLES },
  },
  deadlineRules: DECISION_RULES,
  migrations: decisionMigrations,
  routes: decisionRoutes,
  records: [CATALOG_ITEM, DECISION, COMMENT],
  importTypes: [catalogImport, decisionsImport, decisionEventsImport],
  // The procedures' workflow has no steps: it makes each procedure a record its evidence files attach to.
  workflows: [CATALOG_WORKFLOW, DECISION_WORKFLOW, COMMENT_WORKFLOW, PROCEDURE_WORKFLOW],
  publicForms: [commentForm],
  indicators: decisionIndicators,
  demo: loadDemoDecisions,
  afterTransition: async (tx, _platform, recordType, record, transition) => {
    if (recordType === DECISION_RECORD_TYPE) await afterDecisionTransition(tx, record, transition);
    if (recordType === COMMENT_RECORD_TYPE) await recountComments(tx, String((record as Record<string, unknown>).decision_id));
  },
};

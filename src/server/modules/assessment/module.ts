import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { ASSESSORS, REPORT, REPORT_WORKFLOW, SCHEME, SCHEME_RECORD_TYPE, SCHEME_WORKFLOW, UNIT_ROLES } from '../../../shared/schemas/assessment.ts';
import { assessmentMigrations } from './migrations.ts';
import { assessmentRoutes } from './routes.ts';
import { linesImport, schemesImport, scoresImport } from './imports.ts';
import { assessmentIndicators } from './indicators.ts';
import { freezeResults } from './scores.ts';
import { loadDemoAssessment } from './demo.ts';

/** 法治政府建设考评 and 述法 (domain.md §2.3, issue 13). */
export const assessmentModule: ModuleManifest = {
  name: 'assessment',
  title: '法治政府建设考评',
  permissions: {
    'assessment.read': { label: '查看考评方案、本单位成绩单与述法报告（法治办、县领导查看全部）', roles: BUSINESS_ROLES },
    'assessment.manage': { label: '编制、发布考评方案，公布结果，答复异议，定稿', roles: ['law_office'] },
    'assessment.score': { label: '考评打分', roles: ASSESSORS },
    'assessment.self': { label: '单位自评、提出异议', roles: UNIT_ROLES },
    'assessment.report': { label: '起草、提交述法报告', roles: UNIT_ROLES },
  },
  deadlineRules: [
    {
      code: 'assessment.objection',
      name: '考评结果异议期',
      period: 5,
      unit: 'working_days',
      citation: '本县法治政府建设考评办法（初评结果公布后，被考评单位可在规定期限内提出书面异议；可按本地规定调整）',
      note: '自初评结果公布之日起5个工作日内，被考评单位可对每项指标提出一次异议（默认值，法治办可按本地规定修改）。',
    },
  ],
  migrations: assessmentMigrations,
  routes: assessmentRoutes,
  records: [SCHEME, REPORT],
  importTypes: [schemesImport, linesImport, scoresImport],
  workflows: [SCHEME_WORKFLOW, REPORT_WORKFLOW],
  indicators: assessmentIndicators,
  demo: loadDemoAssessment,
  afterTransition: async (tx, platform, recordType, record, transition) => {
    if (recordType === SCHEME_RECORD_TYPE && transition === 'finalize') await freezeResults(tx, platform, record.id);
  },
};

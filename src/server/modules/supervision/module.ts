import { afterTransitionOf, type ModuleManifest } from '../../kernel/modules.ts';
import { SUPERVISION_DOCUMENTS } from './documents.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { FINDING, FINDING_RECORD_TYPE, FINDING_WORKFLOW, INSPECTION, NOTICE, NOTICE_RECORD_TYPE, NOTICE_WORKFLOW } from '../../../shared/schemas/supervision.ts';
import { supervisionMigrations } from './migrations.ts';
import { supervisionRoutes } from './routes.ts';
import { findingsImport, inspectionsImport } from './imports.ts';
import { supervisionIndicators } from './indicators.ts';
import { loadDemoSupervision } from './demo.ts';
import { issueEscalationNotice, syncFindingProblem } from './supervision.ts';

/** 法治督察 / 整改闭环 (domain.md §2.2). */
export const supervisionModule: ModuleManifest = {
  name: 'supervision',
  title: '法治督察与整改',
  permissions: {
    'supervision.read': { label: '查看督察、问题与通报', roles: BUSINESS_ROLES },
    'inspection.manage': { label: '安排督察、记录问题与约谈', roles: ['law_office', 'inspector'] },
    'notice.issue': { label: '印发通报与督办单', roles: ['law_office'] },
  },
  records: [INSPECTION, FINDING, NOTICE],
  migrations: supervisionMigrations,
  routes: supervisionRoutes,
  importTypes: [inspectionsImport, findingsImport],
  workflows: [FINDING_WORKFLOW, NOTICE_WORKFLOW],
  caseNumbers: [
    { recordType: NOTICE_RECORD_TYPE, label: '通报、督办单文号', column: 'case_number', transitions: [], atCreation: '印发时', defaultPattern: '{county}法治督〔{year}〕{n}号' },
    { recordType: FINDING_RECORD_TYPE, label: '整改通知书文号', column: 'notice_number', transitions: [], atCreation: '记录问题时', defaultPattern: '{county}法治督改〔{year}〕{n}号' },
  ],
  documents: SUPERVISION_DOCUMENTS,
  indicators: supervisionIndicators,
  demo: loadDemoSupervision,
  afterTransition: afterTransitionOf(FINDING_RECORD_TYPE, syncFindingProblem),
  onEscalate: async (tx, platform, clock, level) => {
    if (clock.record_type === FINDING_RECORD_TYPE) await issueEscalationNotice(tx, platform, clock, level);
  },
};

import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { COMPLAINT, COMPLAINT_ROLES, COMPLAINT_WORKFLOW, TRANSFER, CAMPAIGN_WORKFLOW, CASE_RECORD_TYPE, CASE_REVIEW_ROLES, FILE_REVIEW, REVIEW_CAMPAIGN, SUPERVISION, SUPERVISION_RECORD_TYPE, SUPERVISION_ROLES, SUPERVISION_WORKFLOW, CASE_ROLES, CASE_WORKFLOW, ENFORCEMENT_BODY, ENFORCEMENT_CASE, ENFORCEMENT_POWER, LIST_ITEM, OFFICER, OFFICER_RECORD_TYPE, OFFICER_WORKFLOW } from '../../../shared/schemas/enforcement.ts';
import { afterCaseTransition, CASE_RULES } from './cases.ts';
import { afterSupervisionTransition, SUPERVISION_RULES } from './supervisions.ts';
import { COMPLAINT_RULES } from './complaints.ts';
import { complaintForm } from './public-form.ts';
import { enforcementMigrations } from './migrations.ts';
import { enforcementRoutes } from './routes.ts';
import { enforcementBodiesImport, enforcementCasesImport, fileReviewsImport, enforcementListItemsImport, enforcementOfficersImport } from './imports.ts';
import { enforcementIndicators } from './indicators.ts';
import { loadDemoEnforcement } from './demo.ts';
import { revokeOnLeaving, warnExpiringCertificates } from './officers.ts';

/** 行政执法 / 行政执法监督 (domain.md §2.7, issue 16): the registers the justice bureau supervises. */
export const enforcementModule: ModuleManifest = {
  name: 'enforcement',
  title: '行政执法',
  permissions: {
    'enforcement.read': { label: '查看执法主体、执法人员、四张清单与检查事项', roles: BUSINESS_ROLES },
    'enforcement.register': { label: '登记执法主体、权责清单、执法人员与培训、四张清单与检查事项', roles: ['law_office', 'unit_liaison', 'unit_head'] },
    // Certificates are issued by the government through its justice bureau (行政执法证件管理).
    'enforcement.certify': { label: '执法证发证、换证、暂扣、恢复、收回', roles: ['law_office'] },
    'enforcement.case': { label: '办理行政执法案件（立案、决定、公示、全过程记录）', roles: CASE_ROLES },
    'enforcement.legal_review': { label: '重大执法决定法制审核', roles: CASE_REVIEW_ROLES },
    'enforcement.supervise': { label: '行政执法监督：案卷评查（抽取、评分）、日常重点专项监督', roles: SUPERVISION_ROLES },
    'enforcement.complaint': { label: '登记、交办、答复行政执法投诉举报', roles: COMPLAINT_ROLES },
    'enforcement.settings': { label: '修改行政执法设置（年度培训最低学时）', roles: ['law_office'] },
  },
  deadlineRules: [...CASE_RULES, ...SUPERVISION_RULES, ...COMPLAINT_RULES],
  migrations: enforcementMigrations,
  routes: enforcementRoutes,
  records: [ENFORCEMENT_BODY, ENFORCEMENT_POWER, OFFICER, LIST_ITEM, ENFORCEMENT_CASE, REVIEW_CAMPAIGN, FILE_REVIEW, SUPERVISION, COMPLAINT, TRANSFER],
  importTypes: [enforcementBodiesImport, enforcementOfficersImport, enforcementListItemsImport, enforcementCasesImport, fileReviewsImport],
  workflows: [OFFICER_WORKFLOW, CASE_WORKFLOW, CAMPAIGN_WORKFLOW, SUPERVISION_WORKFLOW, COMPLAINT_WORKFLOW],
  caseNumbers: [
    { recordType: CASE_RECORD_TYPE, label: '执法决定书文号', column: 'decision_number', transitions: ['decide'], defaultPattern: '{unit}执决〔{year}〕{n}号' },
    { recordType: SUPERVISION_RECORD_TYPE, label: '监督意见书文号', column: 'opinion_number', transitions: ['issue_opinion'], defaultPattern: '{county}执法监督〔{year}〕{n}号' },
  ],
  publicForms: [complaintForm],
  indicators: enforcementIndicators,
  demo: loadDemoEnforcement,
  daily: async (platform, date) => {
    await warnExpiringCertificates(platform, date);
  },
  afterTransition: async (tx, _platform, recordType, record, transition, date) => {
    if (recordType === OFFICER_RECORD_TYPE) await revokeOnLeaving(tx, record, transition, date);
    if (recordType === CASE_RECORD_TYPE) await afterCaseTransition(tx, record, transition);
    if (recordType === SUPERVISION_RECORD_TYPE) await afterSupervisionTransition(tx, record, transition, date);
  },
};

import type { ModuleManifest } from '../../kernel/modules.ts';
import { DISCLOSURE_DOCUMENTS } from './documents.ts';
import { disclosureRequestForm } from './public-form.ts';
import { DISCLOSURE_RULES } from './deadline-rules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { DISCLOSURE_RECORD_TYPE, DISCLOSURE_REQUEST, DISCLOSURE_WORKFLOW } from '../../../shared/schemas/disclosure.ts';
import { FOI_REPORT, FOI_REPORT_RECORD_TYPE, FOI_REPORT_WORKFLOW } from '../../../shared/schemas/disclosure-report.ts';
import { beforeFoiReportTransition, confirmFrozenTables } from './annual-report.ts';
import { disclosureMigrations } from './migrations.ts';
import { disclosureRoutes } from './routes.ts';
import { disclosureRequestsImport } from './imports.ts';
import { feeItemsImport } from './fee-imports.ts';
import { FEE_ITEM } from '../../../shared/schemas/fees.ts';
import { disclosureIndicators } from './indicators.ts';
import { loadDemoDisclosure } from './demo.ts';

/**
 * 政府信息公开 — 依申请公开 (domain.md §2.12). Each organ handles the requests made to it, and reports
 * on the year in its 政府信息公开工作年度报告.
 */
export const foiModule: ModuleManifest = {
  // The migrations (foi_0001_…, stored in databases by name) and audit actions (foi.*) keep their
  // first prefix, so the manifest keeps it too; the folder is named in English (依申请公开 = disclosure).
  name: 'foi',
  title: '政府信息公开',
  permissions: {
    'foi.read': { label: '查看政府信息公开申请', roles: BUSINESS_ROLES },
    'foi.manage': { label: '登记、办理政府信息公开申请，起草政府信息公开工作年度报告', roles: ['law_office', 'unit_liaison', 'unit_head'] },
  },
  deadlineRules: DISCLOSURE_RULES,
  migrations: disclosureMigrations,
  routes: disclosureRoutes,
  records: [DISCLOSURE_REQUEST, FOI_REPORT, FEE_ITEM],
  importTypes: [disclosureRequestsImport, feeItemsImport],
  publicForms: [disclosureRequestForm],
  workflows: [DISCLOSURE_WORKFLOW, FOI_REPORT_WORKFLOW],
  beforeTransition: async (platform, recordType, record, transition) => (recordType === FOI_REPORT_RECORD_TYPE ? beforeFoiReportTransition(platform, record, transition) : undefined),
  afterTransition: async (tx, _platform, recordType, record, transition) => {
    if (recordType === FOI_REPORT_RECORD_TYPE && transition === 'approve') await confirmFrozenTables(tx, record);
  },
  documents: DISCLOSURE_DOCUMENTS,
  // Each organ answers in its own name: the default names the unit, so each unit numbers its own.
  caseNumbers: [{ recordType: DISCLOSURE_RECORD_TYPE, label: '答复书文号', column: 'case_number', transitions: ['reply'], defaultPattern: '{unit}依申请公开〔{year}〕{n}号' }],
  indicators: disclosureIndicators,
  demo: loadDemoDisclosure,
};

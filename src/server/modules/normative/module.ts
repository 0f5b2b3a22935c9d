import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { ADVISOR, CLEANUP, CLEANUP_ITEM, CLEANUP_RECORD_TYPE, CLEANUP_WORKFLOW, ENGAGEMENT, LEGAL_REVIEW, LEGAL_REVIEW_RECORD_TYPE, LEGAL_REVIEW_WORKFLOW, NORMATIVE_DOC, NORMDOC_RECORD_TYPE, NORMDOC_WORKFLOW } from '../../../shared/schemas/normative.ts';
import { afterCleanupTransition } from './cleanups.ts';
import { cleanupItemsImport, cleanupsImport } from './cleanup-imports.ts';
import { advisorEngagementsImport, advisorsImport } from './advisor-imports.ts';
import { afterLegalReviewTransition, LEGAL_REVIEW_RULES } from './legal-reviews.ts';
import { legalReviewsImport } from './legal-review-imports.ts';
import { normativeMigrations } from './migrations.ts';
import { normativeRoutes } from './routes.ts';
import { normativeDocsImport } from './imports.ts';
import { normativeIndicators } from './indicators.ts';
import { loadDemoNormative } from './demo.ts';
import { afterNormdocTransition, normdocDaily, NORMDOC_RULES } from './normative.ts';

/**
 * 行政规范性文件 and 合法性审查 of other matters (domain.md §2.6): documents drafted by a unit,
 * reviewed by the law office, published by 三统一; contracts, topics, minutes and decisions reviewed.
 */
export const normativeModule: ModuleManifest = {
  name: 'normative',
  title: '规范性文件',
  permissions: {
    'normdoc.read': { label: '查看规范性文件', roles: BUSINESS_ROLES },
    'normdoc.draft': { label: '起草规范性文件、上传正文、导入文件台账', roles: ['unit_liaison', 'unit_head', 'law_office'] },
    'normdoc.review': { label: '处理规范性文件预审提示', roles: ['reviewer', 'law_office'] },
    'normdoc.rules': { label: '维护规范性文件预审规则', roles: ['law_office'] },
    'legal_review.read': { label: '查看合法性审查事项', roles: BUSINESS_ROLES },
    'legal_review.submit': { label: '送审合法性审查事项、导入审查台账', roles: ['unit_liaison', 'unit_head', 'law_office'] },
    'normdoc.cleanup': { label: '组织规范性文件清理、导入清理台账', roles: ['law_office'] },
    'advisor.read': { label: '查看法律顾问、公职律师', roles: BUSINESS_ROLES },
    'advisor.manage': { label: '登记法律顾问、公职律师及服务记录', roles: ['unit_liaison', 'unit_head', 'law_office'] },
  },
  deadlineRules: [...NORMDOC_RULES, ...LEGAL_REVIEW_RULES],
  migrations: normativeMigrations,
  routes: normativeRoutes,
  records: [NORMATIVE_DOC, LEGAL_REVIEW, CLEANUP, CLEANUP_ITEM, ADVISOR, ENGAGEMENT],
  importTypes: [normativeDocsImport, legalReviewsImport, cleanupsImport, cleanupItemsImport, advisorsImport, advisorEngagementsImport],
  workflows: [NORMDOC_WORKFLOW, LEGAL_REVIEW_WORKFLOW, CLEANUP_WORKFLOW],
  indicators: normativeIndicators,
  demo: loadDemoNormative,
  daily: normdocDaily,
  afterTransition: async (tx, platform, recordType, record, transition, date) => {
    if (recordType === NORMDOC_RECORD_TYPE) await afterNormdocTransition(tx, record, transition, date);
    if (recordType === LEGAL_REVIEW_RECORD_TYPE) await afterLegalReviewTransition(tx, record);
    if (recordType === CLEANUP_RECORD_TYPE) await afterCleanupTransition(tx, platform, record, date);
  },
};

import { afterTransitionOf, type ModuleManifest } from '../../kernel/modules.ts';
import { REVIEW_DOCUMENTS } from './documents.ts';
import { reviewApplicationForm } from './public-form.ts';
import { RECONSIDERATION_RULES } from './deadline-rules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { REVIEW_CASE, REVIEW_RECORD_TYPE, REVIEW_WORKFLOW } from '../../../shared/schemas/reconsideration.ts';
import { reviewMigrations } from './migrations.ts';
import { reviewRoutes } from './routes.ts';
import { reviewCasesImport } from './imports.ts';
import { reviewIndicators } from './indicators.ts';
import { loadDemoReview } from './demo.ts';
import { deemAccepted, feedCorrection } from './reconsideration.ts';

/**
 * 行政复议 (domain.md §2.8). The folder is `reconsideration` ("review" alone would collide with
 * legality review and case-file review); the public codes stay `review`: the name that prefixes
 * its migrations (stored in every database) and audit actions, permissions, indicators, the
 * import type `review_cases`, the record type `review_case` and the API paths `/review-cases`.
 */
export const reviewModule: ModuleManifest = {
  name: 'review',
  title: '行政复议',
  permissions: {
    'review.read': { label: '查看行政复议案件', roles: BUSINESS_ROLES.filter((r) => r !== 'enforcement_officer') },
    'review.manage': { label: '登记、办理行政复议案件', roles: ['law_office'] },
  },
  deadlineRules: RECONSIDERATION_RULES,
  migrations: reviewMigrations,
  routes: reviewRoutes,
  records: [REVIEW_CASE],
  importTypes: [reviewCasesImport],
  publicForms: [reviewApplicationForm],
  workflows: [REVIEW_WORKFLOW],
  documents: REVIEW_DOCUMENTS,
  caseNumbers: [{ recordType: REVIEW_RECORD_TYPE, label: '复议案号', column: 'case_number', transitions: ['accept', 'reject'], defaultPattern: '{county}政复〔{year}〕{n}号' }],
  indicators: reviewIndicators,
  demo: loadDemoReview,
  daily: async (platform, date) => {
    await deemAccepted(platform, date);
  },
  afterTransition: afterTransitionOf(REVIEW_RECORD_TYPE, feedCorrection),
};

import type { LedgerPages, RecordPages } from '../../components/pages.tsx';
import { ADVISOR, CLEANUP, CLEANUP_WORKFLOW, LEGAL_REVIEW, LEGAL_REVIEW_WORKFLOW, NORMATIVE_DOC, NORMDOC_WORKFLOW } from '../../../shared/schemas/normative.ts';

export const NORMDOC_PAGES: RecordPages = { def: NORMATIVE_DOC, workflow: NORMDOC_WORKFLOW, api: '/normative-docs', path: '/normative-docs', label: '规范性文件' };
export const LEGAL_REVIEW_PAGES: RecordPages = { def: LEGAL_REVIEW, workflow: LEGAL_REVIEW_WORKFLOW, api: '/legal-reviews', path: '/legal-reviews', label: '合法性审查' };
export const CLEANUP_PAGES: RecordPages = { def: CLEANUP, workflow: CLEANUP_WORKFLOW, api: '/normdoc-cleanups', path: '/normdoc-cleanups', label: '规范性文件清理' };
export const ADVISOR_PAGES: LedgerPages = { def: ADVISOR, api: '/legal-advisors', path: '/legal-advisors', label: '法律顾问、公职律师' };

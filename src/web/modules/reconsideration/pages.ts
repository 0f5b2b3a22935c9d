import type { RecordPages } from '../../components/pages.tsx';
import { REVIEW_CASE, REVIEW_WORKFLOW } from '../../../shared/schemas/reconsideration.ts';

export const REVIEW_PAGES: RecordPages = { def: REVIEW_CASE, workflow: REVIEW_WORKFLOW, api: '/review-cases', path: '/review', label: '行政复议' };

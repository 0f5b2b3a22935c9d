import type { RecordPages } from '../../components/pages.tsx';
import { REPORT, REPORT_WORKFLOW, SCHEME, SCHEME_WORKFLOW } from '../../../shared/schemas/assessment.ts';

export const SCHEME_PAGES: RecordPages = { def: SCHEME, workflow: SCHEME_WORKFLOW, api: '/assessment-schemes', path: '/assessment/schemes', label: '考评方案' };
export const REPORT_PAGES: RecordPages = { def: REPORT, workflow: REPORT_WORKFLOW, api: '/assessment-reports', path: '/assessment/reports', label: '述法报告' };

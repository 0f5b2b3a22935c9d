import type { RecordPages } from '../../components/pages.tsx';
import { REPORT, REPORT_WORKFLOW } from '../../../shared/schemas/reports.ts';

export const REPORT_PAGES: RecordPages = { def: REPORT, workflow: REPORT_WORKFLOW, api: '/annual-reports', path: '/reports', label: '法治政府建设年度报告' };

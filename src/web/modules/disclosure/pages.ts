import type { RecordPages } from '../../components/pages.tsx';
import { DISCLOSURE_REQUEST, DISCLOSURE_WORKFLOW } from '../../../shared/schemas/disclosure.ts';
import { FOI_REPORT, FOI_REPORT_WORKFLOW } from '../../../shared/schemas/disclosure-report.ts';

export const DISCLOSURE_PAGES: RecordPages = { def: DISCLOSURE_REQUEST, workflow: DISCLOSURE_WORKFLOW, api: '/foi-requests', path: '/foi', label: '依申请公开' };
export const FOI_REPORT_PAGES: RecordPages = { def: FOI_REPORT, workflow: FOI_REPORT_WORKFLOW, api: '/foi-annual-reports', path: '/foi/reports', label: '政府信息公开工作年度报告' };

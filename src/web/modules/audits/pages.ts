import type { RecordPages } from '../../components/pages.tsx';
import { AUDIT_FINDING, AUDIT_FINDING_WORKFLOW, AUDIT_PROJECT, AUDIT_PROJECT_WORKFLOW } from '../../../shared/schemas/audits.ts';

export const AUDIT_PROJECT_PAGES: RecordPages = { def: AUDIT_PROJECT, workflow: AUDIT_PROJECT_WORKFLOW, api: '/audit-projects', path: '/audits', label: '审计项目' };
export const AUDIT_FINDING_PAGES: RecordPages = { def: AUDIT_FINDING, workflow: AUDIT_FINDING_WORKFLOW, api: '/audit-findings', path: '/audit-findings', label: '审计发现问题整改' };

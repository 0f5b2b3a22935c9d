import type { LedgerPages, RecordPages } from '../../components/pages.tsx';
import { INSPECTION, NOTICE, NOTICE_WORKFLOW } from '../../../shared/schemas/supervision.ts';

export const INSPECTION_PAGES: LedgerPages = { def: INSPECTION, api: '/inspections', path: '/inspections', label: '督察安排' };
export const NOTICE_PAGES: RecordPages = { def: NOTICE, workflow: NOTICE_WORKFLOW, api: '/notices', path: '/notices', label: '通报与督办单' };

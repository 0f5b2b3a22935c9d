import type { RecordPages } from '../../components/pages.tsx';
import { COMPLAINT, COMPLAINT_WORKFLOW } from '../../../shared/schemas/enforcement.ts';

export const COMPLAINT_PAGES: RecordPages = { def: COMPLAINT, workflow: COMPLAINT_WORKFLOW, api: '/enforcement-complaints', path: '/enforcement/complaints', label: '投诉举报' };

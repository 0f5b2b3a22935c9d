import type { RecordPages } from '../../components/pages.tsx';
import { DISCLOSURE_REQUEST, DISCLOSURE_WORKFLOW } from '../../../shared/schemas/disclosure.ts';

export const DISCLOSURE_PAGES: RecordPages = { def: DISCLOSURE_REQUEST, workflow: DISCLOSURE_WORKFLOW, api: '/foi-requests', path: '/foi', label: '依申请公开' };

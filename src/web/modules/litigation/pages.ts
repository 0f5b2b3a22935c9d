import type { RecordPages } from '../../components/pages.tsx';
import { LITIGATION_CASE, LITIGATION_WORKFLOW } from '../../../shared/schemas/litigation.ts';

export const LITIGATION_PAGES: RecordPages = { def: LITIGATION_CASE, workflow: LITIGATION_WORKFLOW, api: '/litigation-cases', path: '/litigation', label: '行政应诉' };

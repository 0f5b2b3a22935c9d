import type { RecordPages } from '../../components/pages.tsx';
import { MATTER, MATTER_WORKFLOW } from '../../../shared/schemas/matters.ts';

export const MATTER_PAGES: RecordPages = { def: MATTER, workflow: MATTER_WORKFLOW, api: '/matters', path: '/matters', label: '交办事项' };

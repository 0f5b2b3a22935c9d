import type { RecordPages } from '../../components/pages.tsx';
import { DISPUTE, DISPUTE_WORKFLOW } from '../../../shared/schemas/mediation.ts';

export const DISPUTE_PAGES: RecordPages = { def: DISPUTE, workflow: DISPUTE_WORKFLOW, api: '/disputes', path: '/disputes', label: '矛盾纠纷调解' };

import type { RecordPages } from '../../components/pages.tsx';
import { PROPOSAL, PROPOSAL_WORKFLOW } from '../../../shared/schemas/proposals.ts';

export const PROPOSAL_PAGES: RecordPages = { def: PROPOSAL, workflow: PROPOSAL_WORKFLOW, api: '/proposals', path: '/proposals', label: '建议提案' };

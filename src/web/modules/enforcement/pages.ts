import type { LedgerPages, RecordPages } from '../../components/pages.tsx';
import { CAMPAIGN_WORKFLOW, CASE_WORKFLOW, COMPLAINT, COMPLAINT_WORKFLOW, ENFORCEMENT_BODY, ENFORCEMENT_CASE, OFFICER, OFFICER_WORKFLOW, REVIEW_CAMPAIGN, SUPERVISION, SUPERVISION_WORKFLOW } from '../../../shared/schemas/enforcement.ts';

export const COMPLAINT_PAGES: RecordPages = { def: COMPLAINT, workflow: COMPLAINT_WORKFLOW, api: '/enforcement-complaints', path: '/enforcement/complaints', label: '投诉举报' };
export const CASE_PAGES: RecordPages = { def: ENFORCEMENT_CASE, workflow: CASE_WORKFLOW, api: '/enforcement-cases', path: '/enforcement/cases', label: '行政执法案件' };
export const OFFICER_PAGES: RecordPages = { def: OFFICER, workflow: OFFICER_WORKFLOW, api: '/enforcement-officers', path: '/enforcement/officers', label: '执法人员' };
export const SUPERVISION_PAGES: RecordPages = { def: SUPERVISION, workflow: SUPERVISION_WORKFLOW, api: '/enforcement-supervisions', path: '/enforcement/supervisions', label: '行政执法监督' };
export const CAMPAIGN_PAGES: RecordPages = { def: REVIEW_CAMPAIGN, workflow: CAMPAIGN_WORKFLOW, api: '/file-review-campaigns', path: '/enforcement/file-reviews', label: '案卷评查' };
export const BODY_PAGES: LedgerPages = { def: ENFORCEMENT_BODY, api: '/enforcement-bodies', path: '/enforcement/bodies', label: '执法主体' };

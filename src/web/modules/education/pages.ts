import type { RecordPages } from '../../components/pages.tsx';
import { LEGAL_LITERATE, LEGAL_LITERATE_WORKFLOW, MODEL_VILLAGE, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY, PUFA_ACTIVITY_WORKFLOW, PUFA_DUTY, PUFA_DUTY_WORKFLOW, STUDY_SESSION, STUDY_SESSION_WORKFLOW } from '../../../shared/schemas/education.ts';

export const PUFA_DUTY_PAGES: RecordPages = { def: PUFA_DUTY, workflow: PUFA_DUTY_WORKFLOW, api: '/pufa-duties', path: '/pufa-duties', label: '普法责任清单' };
export const PUFA_ACTIVITY_PAGES: RecordPages = { def: PUFA_ACTIVITY, workflow: PUFA_ACTIVITY_WORKFLOW, api: '/pufa-activities', path: '/pufa-activities', label: '普法活动' };
export const LEGAL_LITERATE_PAGES: RecordPages = { def: LEGAL_LITERATE, workflow: LEGAL_LITERATE_WORKFLOW, api: '/legal-literates', path: '/legal-literates', label: '法律明白人' };
export const MODEL_VILLAGE_PAGES: RecordPages = { def: MODEL_VILLAGE, workflow: MODEL_VILLAGE_WORKFLOW, api: '/model-villages', path: '/model-villages', label: '民主法治示范村（社区）' };
export const STUDY_SESSION_PAGES: RecordPages = { def: STUDY_SESSION, workflow: STUDY_SESSION_WORKFLOW, api: '/study-sessions', path: '/study-sessions', label: '学法活动' };

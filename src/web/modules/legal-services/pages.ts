import type { RecordPages } from '../../components/pages.tsx';
import { CONSULTATION, CONSULTATION_WORKFLOW, LEGAL_AID_CASE, LEGAL_AID_WORKFLOW, NOTARIZATION, NOTARIZATION_WORKFLOW, SERVICE_STATION, STATION_WORKFLOW } from '../../../shared/schemas/legal-services.ts';

export const LEGAL_AID_PAGES: RecordPages = { def: LEGAL_AID_CASE, workflow: LEGAL_AID_WORKFLOW, api: '/legal-aid-cases', path: '/legal-aid', label: '法律援助' };
export const NOTARIZATION_PAGES: RecordPages = { def: NOTARIZATION, workflow: NOTARIZATION_WORKFLOW, api: '/notarizations', path: '/notarizations', label: '公证办理统计' };
export const CONSULTATION_PAGES: RecordPages = { def: CONSULTATION, workflow: CONSULTATION_WORKFLOW, api: '/legal-consultations', path: '/legal-consultations', label: '法律咨询统计' };
export const STATION_PAGES: RecordPages = { def: SERVICE_STATION, workflow: STATION_WORKFLOW, api: '/legal-service-stations', path: '/legal-service-stations', label: '公共法律服务站点' };

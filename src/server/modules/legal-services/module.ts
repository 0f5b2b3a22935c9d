import { afterTransitionOf, type ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { CONSULTATION, CONSULTATION_WORKFLOW, LEGAL_AID_CASE, LEGAL_AID_RECORD_TYPE, LEGAL_AID_WORKFLOW, NOTARIZATION, NOTARIZATION_WORKFLOW, SERVICE_STATION, STATION_WORKFLOW } from '../../../shared/schemas/legal-services.ts';
import { legalServicesMigrations } from './migrations.ts';
import { legalServicesRoutes } from './routes.ts';
import { legalAidImport, notarizationsImport } from './imports.ts';
import { legalServicesIndicators } from './indicators.ts';
import { loadDemoLegalServices } from './demo.ts';
import { syncDecision } from './services.ts';

/** 公共法律服务 (domain.md §2.14; issue 17). */
export const legalServicesModule: ModuleManifest = {
  name: 'legal-services',
  title: '公共法律服务',
  permissions: {
    'legal_services.read': { label: '查看法律援助、公证、法律咨询与服务站点', roles: BUSINESS_ROLES },
    'legal_services.manage': { label: '登记法律援助案件、公证与咨询统计、服务站点', roles: ['law_office', 'unit_liaison', 'unit_head'] },
  },
  migrations: legalServicesMigrations,
  routes: legalServicesRoutes,
  records: [LEGAL_AID_CASE, NOTARIZATION, CONSULTATION, SERVICE_STATION],
  importTypes: [legalAidImport, notarizationsImport],
  workflows: [LEGAL_AID_WORKFLOW, NOTARIZATION_WORKFLOW, CONSULTATION_WORKFLOW, STATION_WORKFLOW],
  indicators: legalServicesIndicators,
  demo: loadDemoLegalServices,
  afterTransition: afterTransitionOf(LEGAL_AID_RECORD_TYPE, syncDecision),
};

import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { SERVICE_CASE, SERVICE_ITEM, SERVICE_ITEM_RECORD_TYPE, SERVICE_ITEM_WORKFLOW, SERVICE_RATING, SERVICE_RATING_RECORD_TYPE, SERVICE_RATING_WORKFLOW } from '../../../shared/schemas/services.ts';
import { servicesMigrations } from './migrations.ts';
import { servicesRoutes } from './routes.ts';
import { serviceCasesImport, serviceItemsImport, serviceRatingsImport } from './imports.ts';
import { servicesIndicators } from './indicators.ts';
import { ratingForm } from './public-form.ts';
import { checkDelisting, feedOverdue, SERVICES_RULES, syncRatingProblem } from './services.ts';
import { loadDemoServices } from './demo.ts';

/** 政务服务 / 好差评 (domain.md §2.11; 国办发〔2019〕51号). */
export const servicesModule: ModuleManifest = {
  name: 'services',
  title: '政务服务',
  permissions: {
    'services.read': { label: '查看政务服务事项、办件量和好差评', roles: BUSINESS_ROLES },
    'services.manage': { label: '维护事项清单，登记办件量和评价，回访整改差评', roles: ['law_office', 'unit_liaison', 'unit_head'] },
  },
  deadlineRules: SERVICES_RULES,
  migrations: servicesMigrations,
  routes: servicesRoutes,
  records: [SERVICE_ITEM, SERVICE_CASE, SERVICE_RATING],
  importTypes: [serviceItemsImport, serviceCasesImport, serviceRatingsImport],
  workflows: [SERVICE_ITEM_WORKFLOW, SERVICE_RATING_WORKFLOW],
  indicators: servicesIndicators,
  publicForms: [ratingForm],
  afterTransition: async (tx, _platform, recordType, record, _transition, date) => {
    if (recordType === SERVICE_RATING_RECORD_TYPE) await syncRatingProblem(tx, record, date);
    if (recordType === SERVICE_ITEM_RECORD_TYPE) await checkDelisting(tx, record);
  },
  onEscalate: async (tx, _platform, clock) => {
    if (clock.record_type === SERVICE_RATING_RECORD_TYPE) await feedOverdue(tx, clock);
  },
  demo: loadDemoServices,
};

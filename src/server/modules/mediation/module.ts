import type { ModuleManifest } from '../../kernel/modules.ts';
import { MEDIATION_DOCUMENTS } from './documents.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { DISPUTE, DISPUTE_RECORD_TYPE, DISPUTE_WORKFLOW, MEDIATION_ORG } from '../../../shared/schemas/mediation.ts';
import { mediationMigrations } from './migrations.ts';
import { mediationRoutes } from './routes.ts';
import { disputesImport, mediationOrgsImport } from './imports.ts';
import { mediationIndicators } from './indicators.ts';
import { loadDemoMediation } from './demo.ts';

/** 矛盾纠纷调解 / 三调联动 (domain.md §2.10). */
export const mediationModule: ModuleManifest = {
  name: 'mediation',
  title: '矛盾纠纷调解',
  permissions: {
    'mediation.read': { label: '查看调解组织与矛盾纠纷', roles: BUSINESS_ROLES },
    'mediation.manage': { label: '登记调解组织、受理与调解纠纷', roles: ['law_office', 'unit_liaison', 'unit_head'] },
  },
  migrations: mediationMigrations,
  routes: mediationRoutes,
  records: [MEDIATION_ORG, DISPUTE],
  importTypes: [mediationOrgsImport, disputesImport],
  workflows: [DISPUTE_WORKFLOW],
  documents: MEDIATION_DOCUMENTS,
  caseNumbers: [{ recordType: DISPUTE_RECORD_TYPE, label: '调解案号', column: 'case_number', transitions: ['start'], defaultPattern: '{unit}调字〔{year}〕第{n}号' }],
  indicators: mediationIndicators,
  demo: loadDemoMediation,
};

import type { ModuleManifest } from '../../kernel/modules.ts';
import { orgRoutes } from './routes.ts';
import { ORG_UNIT, USER } from '../../../shared/schemas/org.ts';
import { orgUnitsImport, usersImport } from './imports.ts';
import { loadDemoOrg } from './demo.ts';

/** Organisation tree and user accounts. Its tables belong to the kernel (auth and data scope need them). */
export const orgModule: ModuleManifest = {
  name: 'org',
  title: '组织机构与用户',
  routes: orgRoutes,
  records: [ORG_UNIT, USER],
  importTypes: [orgUnitsImport, usersImport],
  demo: loadDemoOrg,
};

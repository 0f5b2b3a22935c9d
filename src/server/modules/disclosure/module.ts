import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { FOI_WORKFLOW } from '../../../shared/schemas/foi.ts';
import { foiMigrations } from './migrations.ts';
import { foiRoutes } from './routes.ts';
import { foiRequestsImport } from './imports.ts';
import { foiIndicators } from './indicators.ts';
import { loadDemoFoi } from './demo.ts';

/** 政府信息公开 — 依申请公开 (domain.md §2.12). Each organ handles the requests made to it. */
export const foiModule: ModuleManifest = {
  name: 'foi',
  title: '政府信息公开',
  permissions: {
    'foi.read': { label: '查看政府信息公开申请', roles: BUSINESS_ROLES },
    'foi.manage': { label: '登记、办理政府信息公开申请', roles: ['law_office', 'unit_liaison', 'unit_head'] },
  },
  migrations: foiMigrations,
  routes: foiRoutes,
  importTypes: [foiRequestsImport],
  workflows: [FOI_WORKFLOW],
  indicators: foiIndicators,
  demo: loadDemoFoi,
};

import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { REPORT, REPORT_WORKFLOW } from '../../../shared/schemas/reports.ts';
import { reportMigrations } from './migrations.ts';
import { reportRoutes } from './routes.ts';
import { loadDemoReports } from './demo.ts';

/** 法治政府建设年度报告 (domain.md §2.4). */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  title: '年度报告',
  permissions: {
    'report.read': { label: '查看法治政府建设年度报告', roles: BUSINESS_ROLES },
    'report.write': { label: '起草、修改年度报告', roles: ['unit_liaison', 'unit_head', 'law_office'] },
  },
  migrations: reportMigrations,
  routes: reportRoutes,
  records: [REPORT],
  workflows: [REPORT_WORKFLOW],
  demo: loadDemoReports,
};
